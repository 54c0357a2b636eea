import type { LocaleResource } from '../types.js';

/**
 * German (de). Interface: translated for pmh-screen (formal "Sie").
 * Instruments: German PHQ-D wording (provenance and evidence in `localeMetas.de`): PHQ-9
 * validated (two agreeing FHIR implementation guides); GAD-7/GAD-2 draft (its second copy has
 * typos); Whooley questions: draft.
 */
const de: LocaleResource = {
  ui: {
    'widget.label': 'Fragen zu Ihrem Befinden',
    'loading.label': 'Wird geladen …',
    'loading.failed': 'Beim Laden dieser Seite ist etwas schiefgegangen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal.',
    'loading.retry': 'Noch einmal versuchen',
    'intro.title': 'Fragen zu Ihrem Befinden',
    'intro.why':
      'Wir fragen alle, die schwanger sind oder vor Kurzem ein Baby bekommen haben, wie es ihnen geht. Viele Eltern fühlen sich in dieser Zeit niedergeschlagen oder ängstlich. Ihre Antworten helfen uns, Ihnen die richtige Unterstützung anzubieten.',
    'intro.duration_one': 'Das dauert etwa {{count}} Minute.',
    'intro.duration_other': 'Das dauert etwa {{count}} Minuten.',
    'intro.whoSees':
      'Ihre Antworten gehen an das Team, das Sie betreut, zum Beispiel Ihre Hebamme oder Ihre Gesundheitsberaterin (Health Visitor). Es wird mit Ihnen darüber sprechen.',
    'intro.noRightWrong':
      'Es gibt keine richtigen oder falschen Antworten. Wählen Sie die Antwort, die am besten beschreibt, wie Sie sich gefühlt haben.',
    'intro.start': 'Beginnen',
    'question.progress': 'Frage {{n}} von {{total}}',
    'question.progressUnknownTotal': 'Frage {{n}}',
    'question.hint': 'Wählen Sie eine Antwort.',
    'question.back': 'Zurück',
    'question.continue': 'Weiter',
    'error.summaryTitle': 'Es gibt ein Problem',
    'error.selectAnswer': 'Wählen Sie eine Antwort',
    'error.prefix': 'Fehler:',
    'notice.sourceLanguageTitle': 'Diese Fragen sind auf Englisch',
    'notice.sourceLanguage':
      'Diese Fragen werden auf Englisch angezeigt, weil es noch keine geprüfte Übersetzung in {{language}} gibt. Sie können Ihre Hebamme oder Gesundheitsberaterin um eine Dolmetscherin oder einen Dolmetscher bitten.',
    'urgent.title': 'Danke, dass Sie uns das gesagt haben',
    'urgent.body':
      'Wir wissen, dass es schwer sein kann, darüber zu sprechen. Jemand aus dem Team, das Sie betreut, wird mit Ihnen darüber sprechen, wie es Ihnen geht.',
    // Draft, translated for pmh-screen like the rest of this interface (delivery notice, December)
    'urgent.notDelivered':
      'Ihre Antworten haben das Team, das Sie betreut, möglicherweise noch nicht erreicht. Bitte warten Sie nicht darauf, dass sich jemand bei Ihnen meldet: Nutzen Sie die Kontakte auf dieser Seite, um mit jemandem zu sprechen.',
    'urgent.unsafeHeading': 'Wenn Sie sich gerade nicht sicher fühlen',
    'urgent.unsafeBody': 'Sie müssen nicht warten. Sie können sofort Hilfe bekommen, Tag und Nacht:',
    'urgent.servicesLabel': 'Wo Sie jetzt Hilfe bekommen',
    'urgent.continueHint': 'Wenn Sie bereit sind, können Sie mit den Fragen weitermachen.',
    'urgent.continue': 'Weiter',
    'urgent.callLink': '{{number}} anrufen',
    'urgent.textLink': '{{keyword}} per SMS an {{number}} senden',
    'urgent.emailLink': 'E-Mail an {{email}}',
    'urgent.service.emergency.name': 'Notfallhilfe',
    'urgent.service.emergency.description': 'Wenn Sie sich verletzt haben oder Ihr Leben unmittelbar in Gefahr ist.',
    'urgent.service.emergency.action': 'Rufen Sie {{number}} an oder gehen Sie in die Notaufnahme (A&E)',
    'urgent.service.nhs111.name': 'NHS 111',
    'urgent.service.nhs111.description': 'Dringende Hilfe bei seelischen Krisen, zu jeder Tages- und Nachtzeit.',
    'urgent.service.nhs111.action':
      'Rufen Sie {{number}} an und wählen Sie die Option für psychische Gesundheit (Option {{option}} in England und Wales)',
    'urgent.service.nhs111.scotland': 'In Schottland rufen Sie NHS 24 unter {{number}} an und fragen nach dem Mental Health Hub.',
    'urgent.service.samaritans.name': 'Samaritans',
    'urgent.service.samaritans.description': 'Jemand, der Ihnen zuhört – kostenlos und jederzeit. Sie können auch an {{email}} schreiben.',
    'urgent.service.samaritans.action': '{{number}} anrufen',
    'urgent.service.shout.name': 'Shout',
    'urgent.service.shout.description': 'Kostenlose Unterstützung per SMS, jederzeit.',
    'urgent.service.shout.action': '{{keyword}} per SMS an {{number}} senden',
    'urgent.service.lifeline.name': 'Lifeline (Nordirland)',
    'urgent.service.lifeline.description': 'Kostenlose Krisenhilfe in Nordirland, jederzeit.',
    'urgent.service.lifeline.action': '{{number}} anrufen',
    'end.title': 'Vielen Dank',
    'end.body': 'Vielen Dank, dass Sie diese Fragen beantwortet haben.',
    'end.nextHeading': 'Wie es weitergeht',
    'end.next':
      'Das Team, das Sie betreut, sieht sich Ihre Antworten an und spricht mit Ihnen darüber. Wenn Sie vorher Hilfe brauchen, wenden Sie sich an Ihre Hebamme, Ihre Gesundheitsberaterin oder Ihre Hausarztpraxis (GP).',
    'end.finishAndClear': 'Beenden und löschen',
    'end.autoClear_one': 'Damit Ihre Antworten privat bleiben, wird diese Seite in {{count}} Sekunde gelöscht.',
    'end.autoClear_other': 'Damit Ihre Antworten privat bleiben, wird diese Seite in {{count}} Sekunden gelöscht.',
    'idle.title': 'Brauchen Sie mehr Zeit?',
    'idle.body': 'Damit Ihre Antworten privat bleiben, werden sie bald gelöscht, wenn nichts passiert.',
    'idle.countdown_one': '{{count}} Sekunde',
    'idle.countdown_other': '{{count}} Sekunden',
    'idle.countdownAnnouncement_one': 'Ihre Antworten werden in {{count}} Sekunde gelöscht.',
    'idle.countdownAnnouncement_other': 'Ihre Antworten werden in {{count}} Sekunden gelöscht.',
    'idle.continue': 'Ja, ich brauche mehr Zeit',
    'idle.clearNow': 'Nein, meine Antworten löschen',
    'exit.label': 'Diese Seite verlassen',
    'exit.hint': 'Ihre Antworten werden sofort gelöscht.',
    'status.cleared': 'Ihre Antworten wurden gelöscht.',
    'readAloud.listen': 'Vorlesen',
    'readAloud.stop': 'Stopp',
    'readAloud.headphones':
      'Personen in der Nähe können mithören. Verwenden Sie Kopfhörer, wenn Sie welche haben, oder stellen Sie den Ton leiser.',
    'resume.title': 'Willkommen zurück',
    'resume.body': 'Wir haben Ihre früheren Antworten auf diesem Gerät aufbewahrt. Sie können dort weitermachen, wo Sie aufgehört haben.',
    'resume.continue': 'Weitermachen',
    'resume.startAgain': 'Neu beginnen',
    'summary.title': 'Ihre Antworten',
    'summary.intro':
      'Sie können eine Kopie Ihrer Antworten behalten oder sie bei Ihrem Termin zeigen, damit Sie nicht alles noch einmal erklären müssen.',
    'summary.answeredOn': 'Beantwortet am {{date}}',
    'summary.private': 'Diese Kopie enthält Ihre Antworten. Bewahren Sie sie an einem privaten Ort auf.',
    'summary.print': 'Kopie drucken oder speichern',
    'language.label': 'Sprache',
    'config.title': 'Diese Fragen können nicht angezeigt werden',
    'config.body': 'Diese Seite ist nicht richtig eingerichtet. Bitte geben Sie der Stelle Bescheid, die Sie hierher geschickt hat.',
    'config.unknownInstrument': 'Unbekannter Fragebogen „{{id}}“.',
    'config.unknownFollowUp': 'Unbekannter Folgefragebogen „{{id}}“.',
    'config.invalidContext': 'Die Einstellung „context“ ist kein gültiges JSON.',
    'config.invalidThresholds': 'Die Einstellung der Schwellenwerte ist ungültig.',
    'config.unsupportedLocale': 'Die Sprache „{{locale}}“ ist nicht verfügbar, daher wird Englisch angezeigt.',
    'config.storedDataIgnored': 'Gespeicherte Antworten konnten nicht gelesen werden, daher beginnen die Fragen von vorn.',
  },
  instruments: {
    whooley: {
      title: 'Whooley-Fragen (Erkennung einer Depression)',
      stem: 'Im letzten Monat',
      options: ['Ja', 'Nein'],
      items: {
        q1: 'Haben Sie sich im letzten Monat oft niedergeschlagen, bedrückt oder hoffnungslos gefühlt?',
        q2: 'Hatten Sie im letzten Monat oft wenig Interesse oder Freude an Ihren Tätigkeiten?',
      },
    },
    gad7: {
      record: 'gad7.de.json',
      title: 'Generalisierte Angststörung, 7 Fragen (GAD-7)',
      stem: 'Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen durch die folgenden Beschwerden beeinträchtigt?',
      options: ['Überhaupt nicht', 'An einzelnen Tagen', 'An mehr als der Hälfte der Tage', 'Beinahe jeden Tag'],
      items: {
        q1: 'Nervosität, Ängstlichkeit oder Anspannung',
        q2: 'Nicht in der Lage sein, Sorgen zu stoppen oder zu kontrollieren',
        q3: 'Übermäßige Sorgen bezüglich verschiedener Angelegenheiten',
        q4: 'Schwierigkeiten zu entspannen',
        q5: 'Rastlosigkeit, so dass Stillsitzen schwer fällt',
        q6: 'Schnelle Verärgerung oder Gereiztheit',
        q7: 'Gefühl der Angst, so als würde etwas Schlimmes passieren',
      },
    },
    gad2: { title: 'Generalisierte Angststörung, 2 Fragen (GAD-2)' },
    phq9: {
      record: 'phq9.de.json',
      title: 'Gesundheitsfragebogen für Patienten (PHQ-9)',
      stem: 'Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen durch die folgenden Beschwerden beeinträchtigt?',
      options: ['Überhaupt nicht', 'An einzelnen Tagen', 'An mehr als der Hälfte der Tage', 'Beinahe jeden Tag'],
      items: {
        q1: 'Wenig Interesse oder Freude an Ihren Tätigkeiten',
        q2: 'Niedergeschlagenheit, Schwermut oder Hoffnungslosigkeit',
        q3: 'Schwierigkeiten ein- oder durchzuschlafen oder vermehrter Schlaf',
        q4: 'Müdigkeit oder Gefühl, keine Energie zu haben',
        q5: 'Verminderter Appetit oder übermäßiges Bedürfnis zu essen',
        q6: 'Schlechte Meinung von sich selbst; Gefühl, ein Versager zu sein oder die Familie enttäuscht zu haben',
        q7: 'Schwierigkeiten, sich auf etwas zu konzentrieren, z.B. beim Zeitunglesen oder Fernsehen',
        q8: 'Waren Ihre Bewegungen oder Ihre Sprache so verlangsamt, dass es auch anderen auffallen würde? Oder waren Sie im Gegenteil „zappelig“ oder ruhelos und hatten dadurch einen stärkeren Bewegungsdrang als sonst?',
        q9: 'Gedanken, dass Sie lieber tot wären oder sich Leid zufügen möchten',
      },
      supplementary: {
        difficulty: {
          text: 'Wenn eines oder mehrere dieser Probleme bei Ihnen vorliegen, geben Sie bitte an, wie sehr diese Probleme es Ihnen erschwert haben, Ihre Arbeit zu erledigen, Ihren Haushalt zu regeln oder mit anderen Menschen zurecht zu kommen',
          options: ['Überhaupt nicht erschwert', 'Etwas erschwert', 'Relativ stark erschwert', 'Sehr stark erschwert'],
        },
      },
    },
  },
};

export default de;
