import type { LocaleResource } from '../types.js';

/**
 * French (fr). Interface: translated for pmh-screen (vouvoiement).
 * Instruments: GAD-7/GAD-2 and PHQ-9 published French (France) texts, `draft` (GAD-7: one named
 * copy, a second disagrees on option 3; PHQ-9: item 9's source unidentified; provenance and
 * corrections in `localeMetas.fr`); Whooley questions: draft.
 */
const fr: LocaleResource = {
  ui: {
    'widget.label': 'Questions sur ce que vous ressentez',
    'loading.label': 'Chargement…',
    'loading.failed': 'Un problème est survenu pendant le chargement de cette page. Vérifiez votre connexion internet et réessayez.',
    'loading.retry': 'Réessayer',
    'intro.title': 'Questions sur ce que vous ressentez',
    'intro.why':
      'Nous demandons à toutes les personnes enceintes ou qui viennent d’avoir un bébé comment elles se sentent. Beaucoup de parents se sentent déprimés ou anxieux à cette période. Vos réponses nous aident à vous proposer le bon soutien.',
    'intro.duration_one': 'Cela prend environ {{count}} minute.',
    'intro.duration_many': 'Cela prend environ {{count}} de minutes.',
    'intro.duration_other': 'Cela prend environ {{count}} minutes.',
    'intro.whoSees':
      'Vos réponses sont transmises à l’équipe qui vous suit, par exemple votre sage-femme ou votre infirmière puéricultrice (health visitor). Elle en parlera avec vous.',
    'intro.noRightWrong':
      'Il n’y a pas de bonnes ou de mauvaises réponses. Choisissez la réponse la plus proche de ce que vous avez ressenti.',
    'intro.start': 'Commencer',
    'question.progress': 'Question {{n}} sur {{total}}',
    'question.progressUnknownTotal': 'Question {{n}}',
    'question.hint': 'Choisissez une réponse.',
    'question.back': 'Retour',
    'question.continue': 'Continuer',
    'error.summaryTitle': 'Il y a un problème',
    'error.selectAnswer': 'Choisissez une réponse',
    'error.prefix': 'Erreur :',
    'notice.sourceLanguageTitle': 'Ces questions sont en anglais',
    'notice.sourceLanguage':
      'Ces questions sont affichées en anglais, car aucune traduction vérifiée n’est encore disponible dans cette langue ({{language}}). Vous pouvez demander un ou une interprète à votre sage-femme ou à votre infirmière puéricultrice.',
    'urgent.title': 'Merci de nous l’avoir dit',
    'urgent.body':
      'Nous savons que ce n’est pas facile d’en parler. Une personne de l’équipe qui vous suit parlera avec vous de ce que vous ressentez.',
    // Draft, translated for pmh-screen like the rest of this interface (delivery notice, December)
    'urgent.notDelivered':
      'Il est possible que vos réponses ne soient pas encore parvenues à l’équipe qui vous suit. N’attendez pas qu’elle vous contacte : utilisez les contacts de cette page pour parler à quelqu’un.',
    'urgent.unsafeHeading': 'Si vous ne vous sentez pas en sécurité maintenant',
    'urgent.unsafeBody': 'Vous n’avez pas besoin d’attendre. Vous pouvez obtenir de l’aide tout de suite, de jour comme de nuit :',
    'urgent.servicesLabel': 'Où trouver de l’aide maintenant',
    'urgent.continueHint': 'Quand vous serez prête ou prêt, vous pourrez reprendre les questions.',
    'urgent.continue': 'Continuer',
    'urgent.callLink': 'Appeler le {{number}}',
    'urgent.textLink': 'Envoyer {{keyword}} par SMS au {{number}}',
    'urgent.emailLink': 'Écrire à {{email}}',
    'urgent.service.emergency.name': 'Urgences',
    'urgent.service.emergency.description': 'Si vous vous êtes fait du mal ou si votre vie est en danger immédiat.',
    'urgent.service.emergency.action': 'Appelez le {{number}} ou allez aux urgences (A&E)',
    'urgent.service.nhs111.name': 'NHS 111',
    'urgent.service.nhs111.description': 'Aide urgente en santé mentale, à toute heure du jour et de la nuit.',
    'urgent.service.nhs111.action':
      'Appelez le {{number}} et choisissez l’option santé mentale (option {{option}} en Angleterre et au pays de Galles)',
    'urgent.service.nhs111.scotland': 'En Écosse, appelez NHS 24 au {{number}} et demandez le Mental Health Hub.',
    'urgent.service.samaritans.name': 'Samaritans',
    'urgent.service.samaritans.description': 'Quelqu’un pour vous écouter, gratuitement, à tout moment. Vous pouvez aussi écrire à {{email}}.',
    'urgent.service.samaritans.action': 'Appeler le {{number}}',
    'urgent.service.shout.name': 'Shout',
    'urgent.service.shout.description': 'Soutien gratuit par SMS, à tout moment.',
    'urgent.service.shout.action': 'Envoyez {{keyword}} par SMS au {{number}}',
    'urgent.service.lifeline.name': 'Lifeline (Irlande du Nord)',
    'urgent.service.lifeline.description': 'Aide gratuite en cas de crise en Irlande du Nord, à tout moment.',
    'urgent.service.lifeline.action': 'Appeler le {{number}}',
    'end.title': 'Merci',
    'end.body': 'Merci d’avoir répondu à ces questions.',
    'end.nextHeading': 'Et ensuite ?',
    'end.next':
      'L’équipe qui vous suit lira vos réponses et en parlera avec vous. Si vous avez besoin d’aide d’ici là, contactez votre sage-femme, votre infirmière puéricultrice ou votre médecin généraliste (GP).',
    'end.finishAndClear': 'Terminer et effacer',
    'end.autoClear_one': 'Pour que vos réponses restent privées, cette page s’effacera dans {{count}} seconde.',
    'end.autoClear_many': 'Pour que vos réponses restent privées, cette page s’effacera dans {{count}} de secondes.',
    'end.autoClear_other': 'Pour que vos réponses restent privées, cette page s’effacera dans {{count}} secondes.',
    'idle.title': 'Avez-vous besoin de plus de temps ?',
    'idle.body': 'Pour que vos réponses restent privées, elles seront bientôt effacées s’il ne se passe rien.',
    'idle.countdown_one': '{{count}} seconde',
    'idle.countdown_many': '{{count}} de secondes',
    'idle.countdown_other': '{{count}} secondes',
    'idle.countdownAnnouncement_one': 'Vos réponses seront effacées dans {{count}} seconde.',
    'idle.countdownAnnouncement_many': 'Vos réponses seront effacées dans {{count}} de secondes.',
    'idle.countdownAnnouncement_other': 'Vos réponses seront effacées dans {{count}} secondes.',
    'idle.continue': 'Oui, j’ai besoin de plus de temps',
    'idle.clearNow': 'Non, effacer mes réponses',
    'exit.label': 'Quitter cette page',
    'exit.hint': 'Vos réponses sont effacées immédiatement.',
    'status.cleared': 'Vos réponses ont été effacées.',
    'readAloud.listen': 'Écouter',
    'readAloud.stop': 'Arrêter',
    'readAloud.headphones':
      'Les personnes autour de vous peuvent entendre. Utilisez des écouteurs si vous en avez, ou baissez le volume.',
    'resume.title': 'Bon retour',
    'resume.body': 'Nous avons gardé les réponses que vous avez données plus tôt sur cet appareil. Vous pouvez reprendre là où vous vous étiez arrêté(e).',
    'resume.continue': 'Reprendre',
    'resume.startAgain': 'Recommencer',
    'summary.title': 'Vos réponses',
    'summary.intro':
      'Vous pouvez garder une copie de vos réponses ou la montrer lors de votre rendez-vous, pour ne pas avoir à tout réexpliquer.',
    'summary.answeredOn': 'Réponses données le {{date}}',
    'summary.private': 'Cette copie contient vos réponses. Conservez-la dans un endroit privé.',
    'summary.print': 'Imprimer ou enregistrer une copie',
    'language.label': 'Langue',
    'config.title': 'Ces questions ne peuvent pas être affichées',
    'config.body': 'Cette page n’a pas été configurée correctement. Merci de le signaler au service qui vous a envoyé ici.',
    'config.unknownInstrument': 'Questionnaire inconnu « {{id}} ».',
    'config.unknownFollowUp': 'Questionnaire de suivi inconnu « {{id}} ».',
    'config.invalidContext': 'Le réglage « context » n’est pas un JSON valide.',
    'config.invalidThresholds': 'Le réglage des seuils n’est pas valide.',
    'config.unsupportedLocale': 'La langue « {{locale}} » n’est pas disponible : l’anglais est affiché à la place.',
    'config.storedDataIgnored': 'Les réponses enregistrées n’ont pas pu être lues : les questions recommencent depuis le début.',
  },
  instruments: {
    whooley: {
      title: 'Questions de Whooley (repérage de la dépression)',
      stem: 'Au cours du dernier mois',
      options: ['Oui', 'Non'],
      items: {
        q1: 'Au cours du dernier mois, avez-vous souvent été gêné(e) par un sentiment de tristesse, de déprime ou de désespoir ?',
        q2: 'Au cours du dernier mois, avez-vous souvent été gêné(e) par un manque d’intérêt ou de plaisir à faire les choses ?',
      },
    },
    gad7: {
      record: 'gad7.fr.json',
      title: 'Échelle du trouble anxieux généralisé (GAD-7)',
      stem: 'Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les problèmes suivants\u00a0?',
      options: ['Jamais', 'Plusieurs jours', 'Plus de la moitié du temps', 'Presque tous les jours'],
      items: {
        q1: 'Un sentiment de nervosité, d’anxiété ou de tension',
        q2: 'Une incapacité à arrêter de s’inquiéter ou à contrôler ses inquiétudes',
        q3: 'Une inquiétude excessive à propos de différentes choses',
        q4: 'Des difficultés à se détendre',
        q5: 'Une agitation telle qu’il est difficile à tenir en place',
        q6: 'Une tendance à être facilement contrarié(e) ou irritable',
        q7: 'Un sentiment de peur comme si quelque chose de terrible risquait de se produire',
      },
    },
    gad2: { title: 'Échelle du trouble anxieux généralisé, 2 questions (GAD-2)' },
    phq9: {
      record: 'phq9.fr.json#alternate_sources/0',
      title: 'Questionnaire sur la santé du patient (PHQ-9)',
      stem: 'Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les problèmes suivants ?',
      options: ['Jamais', 'Plusieurs jours', 'Plus de la moitié du temps', 'Presque tous les jours'],
      items: {
        q1: 'Peu d\'intérêt ou de plaisir à faire les choses',
        q2: 'Être triste, déprimé(e) ou désespéré(e)',
        q3: 'Difficultés à s\'endormir ou à rester endormi(e), ou dormir trop',
        q4: 'Se sentir fatigué(e) ou manquer d\'énergie',
        q5: 'Avoir peu d\'appétit ou manger trop',
        q6: 'Avoir une mauvaise opinion de soi-même, ou avoir le sentiment d\'être nul(le), ou d\'avoir déçu sa famille ou s\'être déçu(e) soi-même',
        q7: 'Avoir du mal à se concentrer, par exemple, pour lire le journal ou regarder la télévision',
        q8: 'Bouger ou parler si lentement que les autres auraient pu le remarquer. Ou au contraire, être si agité(e) que vous avez eu du mal à tenir en place par rapport à d\'habitude',
        q9: 'Penser qu\'il vaudrait mieux mourir ou envisager de vous faire du mal d\'une manière ou d\'une autre',
      },
      supplementary: {
        difficulty: {
          text: 'Si vous avez indiqué au moins un des problèmes évoqués, à quel point ce(s) problème(s) a-t-il (ont-ils) rendu votre travail, vos tâches à la maison ou votre capacité à vous entendre avec les autres difficile(s) ?',
          options: ['Pas du tout difficile(s)', 'Assez difficile(s)', 'Très difficile(s)', 'Extrêmement difficile(s)'],
        },
      },
    },
  },
};

export default fr;
