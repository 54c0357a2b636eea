/**
 * English (United Kingdom): the source locale of the interface.
 *
 * Every interface string the widget shows lives here, as flat dotted keys. Every other locale in
 * `./<code>.ts` must have exactly the same keys (plural keys: the plural categories of its own
 * language) and the same `{{variables}}`; `tests/node/i18n-parity.test.ts` checks that.
 *
 * - Interpolation is i18next's `{{name}}`. Numbers passed as variables are formatted with `Intl`
 *   for the locale, so write `{{n}}`, never a digit.
 * - Keys ending `_one` / `_other` (and `_zero`, `_two`, `_few`, `_many` in other languages) are
 *   i18next plural forms: call `t('idle.countdown', { count: 30 })` with the base key.
 * - Instrument text (questions, options, stems) is NOT here: it comes from `@pmh-screen/core`
 *   (English) and from the instrument translations with their provenance.
 * - Phone numbers, the Shout keyword and email addresses are data, passed in as variables.
 * - English is rendered without i18next (../english.ts, for a small and fast first paint) with
 *   i18next's rules and exact output; so keep to `{{name}}` and plural keys here: no `$t()`
 *   nesting, `{{- name}}` or `{{name, format}}` (tests/node/i18n-english.test.ts enforces it).
 */
export const enGB = {
  ui: {
    // The widget as a whole
    'widget.label': 'Questions about how you are feeling',

    // Loading state (other locales load lazily)
    'loading.label': 'Loading…',
    'loading.failed': 'Something went wrong while loading this page. Check your internet connection and try again.',
    'loading.retry': 'Try again',

    // Introduction
    'intro.title': 'Questions about how you are feeling',
    'intro.why':
      'We ask everyone who is pregnant or has recently had a baby how they are feeling. Many parents feel low or anxious at this time. Your answers help us offer you the right support.',
    'intro.duration_one': 'It takes about {{count}} minute.',
    'intro.duration_other': 'It takes about {{count}} minutes.',
    'intro.whoSees':
      'Your answers go to the team caring for you, such as your midwife or health visitor. They will talk with you about them.',
    'intro.noRightWrong':
      'There are no right or wrong answers. Choose the answer that is closest to how you have been feeling.',
    'intro.start': 'Start',

    // Question page
    'question.progress': 'Question {{n}} of {{total}}',
    'question.progressUnknownTotal': 'Question {{n}}',
    'question.hint': 'Select one answer.',
    'question.back': 'Back',
    'question.continue': 'Continue',

    // Validation (GOV.UK error summary pattern)
    'error.summaryTitle': 'There is a problem',
    'error.selectAnswer': 'Select an answer',
    'error.prefix': 'Error:',

    // Shown when an instrument's questions stay in English (no checked translation)
    'notice.sourceLanguageTitle': 'These questions are in English',
    'notice.sourceLanguage':
      'These questions are shown in English because a checked translation in {{language}} is not available yet. You can ask your midwife or health visitor for an interpreter.',

    // Urgent-help interruption page (after a non-zero answer to a risk question)
    'urgent.title': 'Thank you for telling us',
    'urgent.body':
      'We know this can be hard to talk about. Someone from the team caring for you will talk with you about how you are feeling.',
    // Shown with delivery on (`endpoint`) when an escalation was not acknowledged within a few seconds
    'urgent.notDelivered':
      'Your answers may not have reached the team caring for you yet. Please do not wait to hear from them: use the contacts on this page to talk to someone.',
    'urgent.unsafeHeading': 'If you feel unsafe now',
    'urgent.unsafeBody': 'You do not have to wait. You can get help straight away, day or night:',
    'urgent.servicesLabel': 'Where to get help now',
    'urgent.continueHint': 'When you are ready, you can carry on with the questions.',
    'urgent.continue': 'Continue',
    'urgent.callLink': 'Call {{number}}',
    'urgent.textLink': 'Text {{keyword}} to {{number}}',
    'urgent.emailLink': 'Email {{email}}',
    'urgent.service.emergency.name': 'Emergency help',
    'urgent.service.emergency.description': 'If you have harmed yourself or your life is at immediate risk.',
    'urgent.service.emergency.action': 'Call {{number}} or go to A&E',
    'urgent.service.nhs111.name': 'NHS 111',
    'urgent.service.nhs111.description': 'Urgent mental health help, any time of day or night.',
    'urgent.service.nhs111.action':
      'Call {{number}} and choose the mental health option (option {{option}} in England and Wales)',
    'urgent.service.nhs111.scotland': 'In Scotland, call NHS 24 on {{number}} and ask for the Mental Health Hub.',
    'urgent.service.samaritans.name': 'Samaritans',
    'urgent.service.samaritans.description': 'Someone to listen, free, any time. You can also email {{email}}.',
    'urgent.service.samaritans.action': 'Call {{number}}',
    'urgent.service.shout.name': 'Shout',
    'urgent.service.shout.description': 'Free text support, any time.',
    'urgent.service.shout.action': 'Text {{keyword}} to {{number}}',
    'urgent.service.lifeline.name': 'Lifeline (Northern Ireland)',
    'urgent.service.lifeline.description': 'Free crisis support in Northern Ireland, any time.',
    'urgent.service.lifeline.action': 'Call {{number}}',

    // End page
    'end.title': 'Thank you',
    'end.body': 'Thank you for answering these questions.',
    'end.nextHeading': 'What happens next',
    'end.next':
      'The team caring for you will look at your answers and talk with you about them. If you need help before then, contact your midwife, health visitor or GP.',
    'end.finishAndClear': 'Finish and clear',
    'end.autoClear_one': 'To keep your answers private, this page will clear itself in {{count}} second.',
    'end.autoClear_other': 'To keep your answers private, this page will clear itself in {{count}} seconds.',

    // Kiosk idle warning (dialog)
    'idle.title': 'Do you need more time?',
    'idle.body': 'To keep your answers private, they will be cleared soon if nothing happens.',
    'idle.countdown_one': '{{count}} second',
    'idle.countdown_other': '{{count}} seconds',
    'idle.countdownAnnouncement_one': 'Your answers will be cleared in {{count}} second.',
    'idle.countdownAnnouncement_other': 'Your answers will be cleared in {{count}} seconds.',
    'idle.continue': 'Yes, I need more time',
    'idle.clearNow': 'No, clear my answers',

    // Quick exit (GOV.UK "Exit this page" pattern) and the state after a wipe
    'exit.label': 'Leave this page',
    'exit.hint': 'This clears your answers straight away.',
    'status.cleared': 'Your answers have been cleared.',

    // Read-aloud (`read-aloud`): the Listen button, and the kiosk's note on its first use
    'readAloud.listen': 'Listen',
    'readAloud.stop': 'Stop',
    'readAloud.headphones': 'People nearby may hear this. Use headphones if you have them, or turn the volume down.',

    // Resume on a personal device (persist="session")
    'resume.title': 'Welcome back',
    'resume.body': 'We kept the answers you gave earlier on this device. You can carry on where you left off.',
    'resume.continue': 'Carry on',
    'resume.startAgain': 'Start again',

    // Respondent summary on the end page (`summary`, personal devices only): answers, no scores
    'summary.title': 'Your answers',
    'summary.intro':
      'You can keep a copy of your answers, or show it at your appointment so that you do not have to explain everything again.',
    'summary.answeredOn': 'Answered on {{date}}',
    'summary.private': 'This copy shows your answers. Keep it somewhere private.',
    'summary.print': 'Print or save a copy',

    // Language picker
    'language.label': 'Language',

    // Configuration errors (shown instead of the questions; also the pmh-error message)
    'config.title': 'These questions cannot be shown',
    'config.body':
      'There is a problem with how this page has been set up. Please tell the service that sent you here.',
    'config.unknownInstrument': 'Unknown questionnaire "{{id}}".',
    'config.unknownFollowUp': 'Unknown follow-up questionnaire "{{id}}".',
    'config.invalidContext': 'The context setting is not valid JSON.',
    'config.invalidThresholds': 'The cut-off setting is not valid.',
    'config.unsupportedLocale': 'The language "{{locale}}" is not available, so English is shown instead.',
    'config.storedDataIgnored': 'Saved answers could not be read, so the questions start again.',
  },
} as const;

export default enGB;

/** Every raw resource key of the English interface, plural suffixes included. */
export type UiResourceKey = keyof (typeof enGB)['ui'];

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** A key to pass to `Translator.t()`: resource keys with plural suffixes removed (`'idle.countdown'`). */
export type UiKey = StripPlural<UiResourceKey>;
