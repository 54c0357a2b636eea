import type { LocaleResource } from '../types.js';

/**
 * Portuguese (pt). Interface: European Portuguese, translated for pmh-screen (most Portuguese
 * speakers in the UK come from Portugal; Brazilian readers understand it well).
 * Instruments (see `localeMetas.pt`), one variant, European Portuguese: the PHQ-9 in a published
 * European Portuguese text, `draft` until a second agreeing copy is found. No GAD-7/GAD-2: the
 * only European Portuguese GAD-7 found lacks item 7, and a Brazilian text beside a European one
 * would mix variants, so those stay in English with the notice. Whooley questions: draft.
 */
const pt: LocaleResource = {
  ui: {
    'widget.label': 'Perguntas sobre como se tem sentido',
    'loading.label': 'A carregar…',
    'loading.failed': 'Ocorreu um problema ao carregar esta página. Verifique a sua ligação à internet e tente novamente.',
    'loading.retry': 'Tentar novamente',
    'intro.title': 'Perguntas sobre como se tem sentido',
    'intro.why':
      'Perguntamos a todas as pessoas grávidas ou que tiveram um bebé recentemente como se sentem. Muitos pais e mães sentem-se em baixo ou ansiosos nesta fase. As suas respostas ajudam-nos a oferecer-lhe o apoio certo.',
    'intro.duration_one': 'Demora cerca de {{count}} minuto.',
    'intro.duration_many': 'Demora cerca de {{count}} de minutos.',
    'intro.duration_other': 'Demora cerca de {{count}} minutos.',
    'intro.whoSees':
      'As suas respostas vão para a equipa que acompanha o seu caso, por exemplo a sua parteira ou enfermeira de saúde familiar (health visitor). Essa equipa vai falar consigo sobre elas.',
    'intro.noRightWrong':
      'Não há respostas certas nem erradas. Escolha a resposta que mais se aproxima do que tem sentido.',
    'intro.start': 'Começar',
    'question.progress': 'Pergunta {{n}} de {{total}}',
    'question.progressUnknownTotal': 'Pergunta {{n}}',
    'question.hint': 'Escolha uma resposta.',
    'question.back': 'Voltar',
    'question.continue': 'Continuar',
    'error.summaryTitle': 'Há um problema',
    'error.selectAnswer': 'Escolha uma resposta',
    'error.prefix': 'Erro:',
    'notice.sourceLanguageTitle': 'Estas perguntas estão em inglês',
    'notice.sourceLanguage':
      'Estas perguntas são mostradas em inglês porque ainda não existe uma tradução verificada neste idioma ({{language}}). Pode pedir um intérprete à sua parteira ou enfermeira de saúde familiar.',
    'urgent.title': 'Obrigado por nos dizer',
    'urgent.body':
      'Sabemos que pode ser difícil falar sobre isto. Alguém da equipa que acompanha o seu caso vai falar consigo sobre como se está a sentir.',
    // Draft, translated for pmh-screen like the rest of this interface (delivery notice, December)
    'urgent.notDelivered':
      'As suas respostas podem ainda não ter chegado à equipa que acompanha o seu caso. Por favor, não espere que entrem em contacto consigo: use os contactos desta página para falar com alguém.',
    'urgent.unsafeHeading': 'Se não se sente em segurança agora',
    'urgent.unsafeBody': 'Não precisa de esperar. Pode obter ajuda imediatamente, de dia ou de noite:',
    'urgent.servicesLabel': 'Onde obter ajuda agora',
    'urgent.continueHint': 'Quando estiver pronto ou pronta, pode continuar a responder às perguntas.',
    'urgent.continue': 'Continuar',
    'urgent.callLink': 'Ligar para o {{number}}',
    'urgent.textLink': 'Enviar {{keyword}} por SMS para o {{number}}',
    'urgent.emailLink': 'Enviar email para {{email}}',
    'urgent.service.emergency.name': 'Emergência',
    'urgent.service.emergency.description': 'Se se magoou a si próprio/a ou se a sua vida corre perigo imediato.',
    'urgent.service.emergency.action': 'Ligue para o {{number}} ou vá às urgências (A&E)',
    'urgent.service.nhs111.name': 'NHS 111',
    'urgent.service.nhs111.description': 'Ajuda urgente em saúde mental, a qualquer hora do dia ou da noite.',
    'urgent.service.nhs111.action':
      'Ligue para o {{number}} e escolha a opção de saúde mental (opção {{option}} em Inglaterra e no País de Gales)',
    'urgent.service.nhs111.scotland': 'Na Escócia, ligue para o NHS 24 através do {{number}} e peça o Mental Health Hub.',
    'urgent.service.samaritans.name': 'Samaritans',
    'urgent.service.samaritans.description': 'Alguém que o/a ouve, gratuitamente, a qualquer hora. Também pode enviar um email para {{email}}.',
    'urgent.service.samaritans.action': 'Ligar para o {{number}}',
    'urgent.service.shout.name': 'Shout',
    'urgent.service.shout.description': 'Apoio gratuito por SMS, a qualquer hora.',
    'urgent.service.shout.action': 'Envie {{keyword}} por SMS para o {{number}}',
    'urgent.service.lifeline.name': 'Lifeline (Irlanda do Norte)',
    'urgent.service.lifeline.description': 'Apoio gratuito em situações de crise na Irlanda do Norte, a qualquer hora.',
    'urgent.service.lifeline.action': 'Ligar para o {{number}}',
    'end.title': 'Obrigado',
    'end.body': 'Obrigado por responder a estas perguntas.',
    'end.nextHeading': 'O que acontece a seguir',
    'end.next':
      'A equipa que acompanha o seu caso vai ler as suas respostas e falar consigo sobre elas. Se precisar de ajuda antes disso, contacte a sua parteira, a enfermeira de saúde familiar ou o seu médico de família (GP).',
    'end.finishAndClear': 'Terminar e apagar',
    'end.autoClear_one': 'Para manter as suas respostas privadas, esta página vai apagar-se dentro de {{count}} segundo.',
    'end.autoClear_many': 'Para manter as suas respostas privadas, esta página vai apagar-se dentro de {{count}} de segundos.',
    'end.autoClear_other': 'Para manter as suas respostas privadas, esta página vai apagar-se dentro de {{count}} segundos.',
    'idle.title': 'Precisa de mais tempo?',
    'idle.body': 'Para manter as suas respostas privadas, elas vão ser apagadas em breve se nada acontecer.',
    'idle.countdown_one': '{{count}} segundo',
    'idle.countdown_many': '{{count}} de segundos',
    'idle.countdown_other': '{{count}} segundos',
    'idle.countdownAnnouncement_one': 'As suas respostas vão ser apagadas dentro de {{count}} segundo.',
    'idle.countdownAnnouncement_many': 'As suas respostas vão ser apagadas dentro de {{count}} de segundos.',
    'idle.countdownAnnouncement_other': 'As suas respostas vão ser apagadas dentro de {{count}} segundos.',
    'idle.continue': 'Sim, preciso de mais tempo',
    'idle.clearNow': 'Não, apagar as minhas respostas',
    'exit.label': 'Sair desta página',
    'exit.hint': 'As suas respostas são apagadas de imediato.',
    'status.cleared': 'As suas respostas foram apagadas.',
    'readAloud.listen': 'Ouvir',
    'readAloud.stop': 'Parar',
    'readAloud.headphones': 'As pessoas à sua volta podem ouvir. Use auscultadores, se os tiver, ou baixe o volume.',
    'resume.title': 'Bem-vindo/a de volta',
    'resume.body': 'Guardámos neste dispositivo as respostas que deu antes. Pode continuar onde parou.',
    'resume.continue': 'Continuar',
    'resume.startAgain': 'Começar de novo',
    'summary.title': 'As suas respostas',
    'summary.intro':
      'Pode guardar uma cópia das suas respostas ou mostrá-la na sua consulta, para não ter de explicar tudo outra vez.',
    'summary.answeredOn': 'Respondido em {{date}}',
    'summary.private': 'Esta cópia mostra as suas respostas. Guarde-a num local privado.',
    'summary.print': 'Imprimir ou guardar uma cópia',
    'language.label': 'Idioma',
    'config.title': 'Não é possível mostrar estas perguntas',
    'config.body': 'Esta página não foi configurada corretamente. Informe o serviço que o/a enviou para aqui.',
    'config.unknownInstrument': 'Questionário desconhecido «{{id}}».',
    'config.unknownFollowUp': 'Questionário de seguimento desconhecido «{{id}}».',
    'config.invalidContext': 'A definição «context» não é um JSON válido.',
    'config.invalidThresholds': 'A definição dos pontos de corte não é válida.',
    'config.unsupportedLocale': 'O idioma «{{locale}}» não está disponível, por isso é mostrado o inglês.',
    'config.storedDataIgnored': 'Não foi possível ler as respostas guardadas, por isso as perguntas recomeçam.',
  },
  instruments: {
    whooley: {
      title: 'Perguntas de Whooley (identificação de depressão)',
      stem: 'Durante o último mês',
      options: ['Sim', 'Não'],
      items: {
        q1: 'Durante o último mês, sentiu-se muitas vezes incomodado/a por se sentir em baixo, deprimido/a ou sem esperança?',
        q2: 'Durante o último mês, sentiu-se muitas vezes incomodado/a por ter pouco interesse ou prazer em fazer as coisas?',
      },
    },
    phq9: {
      record: 'phq9.pt-PT.json',
      title: 'Questionário sobre a Saúde do Doente (PHQ-9)',
      stem: 'Durante os últimos 14 dias, em quantos foi afectado/a por algum dos seguintes problemas?',
      options: ['Nunca', 'Em vários dias', 'Em mais de metade do número de dias', 'Em quase todos os dias'],
      items: {
        q1: 'Tive pouco interesse ou prazer em fazer coisas',
        q2: 'Senti desânimo, desalento ou falta de esperança',
        q3: 'Tive dificuldade em adormecer ou em dormir sem interrupções, ou dormi demais',
        q4: 'Senti cansaço ou falta de energia',
        q5: 'Tive falta ou excesso de apetite',
        q6: 'Senti que não gosto de mim próprio/a — ou que sou um(a) falhado/a ou me desiludi a mim próprio/a ou à minha família',
        q7: 'Tive dificuldade em concentrar-me nas coisas, como ao ler o jornal ou ver televisão',
        q8: 'Movimentei-me ou falei tão lentamente que outras pessoas poderão ter notado. Ou o oposto: estive agitado/a a ponto de andar de um lado para o outro muito mais do que é habitual',
        q9: 'Pensei que seria melhor estar morto/a, ou em magoar-me a mim próprio/a de alguma forma',
      },
    },
  },
};

export default pt;
