// The pages the benchmark loads, generated from the instrument data (see instruments.mjs):
//   ours-<id>.html      our CDN bundle, <pmh-screening instruments="<id>" skip-intro>
//   surveyjs-<id>.html  SurveyJS (survey-core + survey-js-ui UMD bundles, default theme CSS),
//                       one question per page
//   static-gad7.html    the floor: the first question as plain HTML + a little CSS, no JS

/** @typedef {import('./instruments.mjs').Instrument} Instrument */

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON safe to put inside <script>…</script>. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

const HEAD = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">`;

/**
 * @param {Instrument} instrument
 * @param {string | null} [preload] an on-demand chunk the page preloads beside the bundle
 */
export function oursPage(instrument, preload = null) {
  return `<!doctype html>
<html lang="en-GB">
<head>
${HEAD}
<title>pmh-screen: ${escapeHtml(instrument.title)}</title>
${preload ? `<link rel="modulepreload" href="${escapeHtml(preload)}">\n` : ''}<script type="module" src="/elements/pmh-screen.js"></script>
</head>
<body>
<main>
<pmh-screening instruments="${escapeHtml(instrument.id)}" skip-intro></pmh-screening>
</main>
</body>
</html>
`;
}

/** The SurveyJS form definition of an instrument: one radiogroup per item, one per page. */
export function surveyJson(instrument) {
  return {
    title: instrument.title,
    description: instrument.stem,
    questionsOnPageMode: 'questionPerPage',
    showProgressBar: true,
    progressBarType: 'questions',
    completedHtml: '<h3>Thank you</h3>',
    pages: [
      {
        name: 'items',
        elements: instrument.items.map((item) => ({
          type: 'radiogroup',
          name: item.id,
          title: item.text,
          isRequired: true,
          choices: item.options.map((option) => ({ value: option.score, text: option.label })),
        })),
      },
    ],
  };
}

/** @param {Instrument} instrument */
export function surveyJsPage(instrument) {
  // The fontless variant of SurveyJS's default theme: identical rules minus the Open Sans
  // @font-face block, which would fetch from fonts.gstatic.com (no network here; with it, text
  // can stay invisible for up to 3 s while the font request fails). This favours SurveyJS.
  return `<!doctype html>
<html lang="en-GB">
<head>
${HEAD}
<title>SurveyJS: ${escapeHtml(instrument.title)}</title>
<link rel="stylesheet" href="/node_modules/survey-core/survey-core.fontless.min.css">
<script src="/node_modules/survey-core/survey.core.min.js"></script>
<script src="/node_modules/survey-js-ui/survey-js-ui.min.js"></script>
</head>
<body>
<main><div id="survey"></div></main>
<script>
const survey = new Survey.Model(${scriptJson(surveyJson(instrument))});
survey.onComplete.add(() => { if (window.__bench) window.__bench.markComplete(); });
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
</script>
</body>
</html>
`;
}

/** The first question as a server-rendered page would show it: the floor any widget is measured against. */
export function staticPage(instrument) {
  const item = instrument.items[0];
  if (!item) throw new Error(`${instrument.id} has no items`);
  const options = item.options
    .map(
      (option, i) => `<div class="option"><input type="radio" id="o${i}" name="${escapeHtml(item.id)}" value="${option.score}">
<label for="o${i}">${escapeHtml(option.label)}</label></div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
${HEAD}
<title>${escapeHtml(instrument.title)}: question 1</title>
<style>
body { font: 19px/1.4 system-ui, sans-serif; margin: 0; color: #0b0c0c; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
.progress { color: #505a5f; }
fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
legend h1 { font-size: 1.75rem; margin: 0 0 1rem; }
.option { display: flex; align-items: center; gap: .6rem; margin: .6rem 0; }
.option input { width: 1.6rem; height: 1.6rem; margin: 0; }
button { font: inherit; padding: .5rem 1rem; color: #fff; background: #00703c; border: 0; box-shadow: 0 2px 0 #002d18; }
</style>
</head>
<body>
<main>
<form method="post" action="#">
<p class="progress">Question 1 of ${instrument.items.length}</p>
<p class="stem">${escapeHtml(instrument.stem)}</p>
<fieldset>
<legend><h1>${escapeHtml(item.text)}</h1></legend>
${options}
</fieldset>
<button type="submit">Continue</button>
</form>
</main>
</body>
</html>
`;
}
