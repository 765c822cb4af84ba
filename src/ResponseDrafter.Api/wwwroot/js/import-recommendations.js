// Adding a report from its published text: paste the recommendations (or upload the report's PDF or .docx) → what the
// server read, with warnings, words it joined across line ends and the text it could not place → correct it → save the
// report to the catalogue.
import { addresseeChoice, chosenAddressee } from './addressee-choice.js';
import { KindNames, kindName } from './report.js';
import { announce, byId, clearError, clearErrorAt, el, show, showErrorAt, withProgress } from './ui.js';

const Kinds = Object.entries(KindNames);
const ReportKinds = [['thematic', 'Thematic inspection'], ['peel', 'PEEL inspection'], ['super-complaint', 'Super-complaint']];
const Fields = { title: 'Title', kind: 'Kind of report', publishedOn: 'Published on', url: 'Web address', text: 'Text copied from the report', file: 'Report file' };
const pastedKey = 'responsedrafter.import.recommendations';

const addressed = (r, questions) => {
  const question = questions.find((q) => q.recommendation === r.number && q.subItem === null);
  if (question) return question.named ? `Only "${question.named}": choose below` : 'No one: choose below';
  if (r.addressees.length > 0) return r.addressees.join('; ');
  return r.subItems.some((s) => s.addressees.length > 0) ? 'Named by each sub-item' : 'Named in the text';
};
const splitAddressees = (value) => value.split(';').map((a) => a.trim()).filter((a) => a.length > 0);

function select(id, label, options, chosen) {
  return el('label', { class: 'select-field', for: id }, label,
    el('select', { id }, options.map(([value, text]) => el('option', { value, selected: value === chosen }, text))));
}

/** Shows the screen in #import-report. onSaved(report) runs once the report is in the catalogue; onClose() when the user goes back. */
export function openRecommendationImport(api, { onSaved, onClose }) {
  const section = byId('import-report');
  const preview = el('div', { id: 'import-preview', hidden: true });
  const readButton = el('fluent-button', { id: 'import-read', appearance: 'accent', on: { click: () => read(api, readButton, preview, onSaved) } },
    'Read the recommendations');
  section.replaceChildren(
    el('h1', { id: 'import-report-heading', tabindex: '-1' }, 'Add a report'),
    el('p', {}, 'Paste the recommendations from the published report, or upload the report as HMICFRS publishes it (PDF) or as a Word document. ' +
      'Nothing is saved until you have checked what was read and saved the report.'),
    el('fluent-text-area', {
      id: 'import-text',
      resize: 'vertical',
      value: sessionStorage.getItem(pastedKey) ?? '',
      on: { input: (event) => sessionStorage.setItem(pastedKey, event.target.value) },
    }, 'Text copied from the report'),
    el('label', { for: 'import-file', class: 'file-label' }, 'Or upload the report (PDF or .docx); a chosen file is read instead of the text'),
    el('input', { type: 'file', id: 'import-file', accept: '.pdf,application/pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    el('div', { class: 'actions' },
      readButton,
      el('fluent-button', { appearance: 'stealth', on: { click: () => close(onClose) } }, 'Back to the reports')),
    preview);
  clearError();
  show(byId('choose-report'), false);
  show(section, true);
  byId('import-report-heading').focus();
}

function close(then) {
  clearError();
  show(byId('import-report'), false);
  then();
}

async function read(api, button, preview, onSaved) {
  clearError();
  clearErrorAt(button);
  const file = (/** @type {HTMLInputElement} */ (byId('import-file'))).files[0];
  const text = (/** @type {FluentControl} */ (byId('import-text'))).value;
  if (!file && text.trim() === '') {
    showErrorAt(button, 'Paste the recommendations, or choose the report\'s PDF or Word document, then read them.');
    return;
  }
  let refusal = null;
  await withProgress(button, file ? `Reading ${file.name}…` : 'Reading the recommendations…', async () => {
    try {
      let result;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        result = await api.previewRecommendationFile(form);
      } else {
        result = await api.previewRecommendationText(text);
      }
      renderPreview(api, preview, result, onSaved);
      announce(`${result.recommendations.length} recommendations read. Check them, then save the report.`);
      byId('import-preview-heading').focus();
    } catch (error) {
      refusal = error;
    }
  });
  // The refusal is shown once the button is itself again, beside it, focused and read out.
  if (refusal) showErrorAt(button, refusal);
}

/** The id of the radio group for a question: by the recommendation's place in the preview, and its sub-item's. */
function whoId(recommendations, question) {
  const i = recommendations.findIndex((r) => r.number === question.recommendation);
  const j = question.subItem === null ? -1 : recommendations[i]?.subItems.findIndex((s) => s.label === question.subItem);
  return j === -1 ? `import-who-${i}` : `import-who-${i}-${j}`;
}

function renderPreview(api, preview, result, onSaved) {
  const { recommendations, warnings, unplaced, joins = [], pages = null, questions = [] } = result;
  const pageOf = (number) => pages?.find((p) => p.number === number)?.page;
  const warningsOf = (number) => warnings.filter((w) => w.recommendation === number);
  const general = warnings.filter((w) => !recommendations.some((r) => r.number === w.recommendation));
  const saveButton = el('fluent-button', { id: 'import-save', appearance: 'accent', on: { click: () => save(api, saveButton, recommendations, onSaved) } },
    'Save the report');
  preview.replaceChildren(el('div', {},
    el('h2', { id: 'import-preview-heading', tabindex: '-1' }, `Check what was read${result.fileName ? ` from ${result.fileName}` : ''}`),
    general.length === 0 ? null : el('div', { class: 'panel import-warnings' },
      el('p', {}, 'Check these:'),
      el('ul', {}, general.map((w) => el('li', {}, w.message)))),
    el('table', { class: 'import-table' },
      el('caption', {}, `${recommendations.length} recommendation${recommendations.length === 1 ? '' : 's'}, as read`),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Number'),
        el('th', { scope: 'col' }, 'Addressed to'),
        el('th', { scope: 'col' }, 'Sub-items'),
        el('th', { scope: 'col' }, 'To check'))),
      el('tbody', {}, recommendations.map((r, i) => el('tr', {},
        el('th', { scope: 'row' }, el('a', { href: `#import-rec-${i}` }, el('span', { class: 'visually-hidden' }, `${kindName(r.kind)} `), r.number),
          pageOf(r.number) === undefined ? null : el('span', { class: 'hint' }, ` (page ${pageOf(r.number)})`)),
        el('td', {}, addressed(r, questions)),
        el('td', {}, r.subItems.length === 0 ? 'None' : r.subItems.map((s) => s.label).join(', ')),
        el('td', {}, warningsOf(r.number).length === 0 ? 'Nothing' : el('ul', { class: 'plain' }, warningsOf(r.number).map((w) => el('li', {}, w.message)))))))),
    questions.length === 0 ? null : el('section', { class: 'addressee-questions', 'aria-labelledby': 'import-who-heading' },
      el('h3', { id: 'import-who-heading' }, 'Who answers these in your letter?'),
      el('p', { class: 'hint' }, 'The report names no addressee for these, or only a general one. Choose who answers each; ' +
        'the choice is saved with the report and decides whether the letter answers it. You can change it later from the report\'s card.'),
      questions.map((q) => addresseeChoice(whoId(recommendations, q), q))),
    el('h3', {}, 'The report'),
    el('fluent-text-field', { id: 'import-title', value: result.title ?? '' }, 'Title'),
    el('label', { class: 'select-field', for: 'import-published' }, 'Published on', el('input', { type: 'date', id: 'import-published', value: result.publishedOn ?? '' })),
    select('import-kind', 'Kind of report', ReportKinds, 'thematic'),
    el('fluent-text-field', { id: 'import-url', type: 'url' }, 'Web address (optional)'),
    el('h3', {}, 'Recommendations'),
    el('p', { class: 'hint' }, 'Correct anything the import read wrongly. Texts are kept word for word, as the report prints them. ' +
      'Untick a recommendation to leave it out; clear a sub-item\'s text to leave that sub-item out.'),
    recommendations.map((r, i) => editor(r, i)),
    joins.length === 0 ? null : [
      el('h3', {}, 'Words joined across a line end'),
      el('p', { class: 'hint' }, 'The report broke these words over two lines with a hyphen, which the import took out. ' +
        'Where the hyphen belongs to the word, keep it.'),
      el('ul', { class: 'plain import-joins' }, joins.map((j, k) => joinRow(j, k)))],
    unplaced.length === 0 ? null : [
      el('h3', {}, 'Text not placed in any recommendation'),
      el('p', { class: 'hint' }, 'If some of this belongs to a recommendation, copy it into the right box above.'),
      el('ul', { class: 'unplaced' }, unplaced.map((u) => el('li', {},
        el('span', { class: 'hint' }, u.firstLine === u.lastLine ? `Line ${u.firstLine}: ` : `Lines ${u.firstLine}–${u.lastLine}: `),
        el('span', { class: 'verbatim-text' }, u.text))))],
    el('div', { class: 'actions' }, saveButton)));
  show(preview, true);
}

/** One joined word, with a button that puts the printed hyphen back in the first text box that has the word. */
function joinRow(join, k) {
  const button = el('fluent-button', { id: `import-join-${k}`, appearance: 'outline', on: { click: () => keepHyphen(join, button) } },
    `Keep "${join.asPrinted}"`);
  return el('li', {}, el('span', {}, `Line ${join.line}: "${join.joined}" `), button);
}

function keepHyphen(join, button) {
  const word = new RegExp(`\\b${join.joined.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  const box = /** @type {FluentControl[]} */ ([...document.querySelectorAll('#import-preview fluent-text-area')]).find((b) => word.test(b.value));
  if (!box) {
    showErrorAt(button, `"${join.joined}" is no longer in any text box.`);
    return;
  }
  box.value = box.value.replace(word, join.asPrinted);
  button.replaceWith(el('span', { class: 'hint', role: 'status' }, `Kept as "${join.asPrinted}".`));
}

function editor(recommendation, i) {
  const id = (field) => `import-rec-${i}-${field}`;
  return el('fieldset', { id: `import-rec-${i}`, class: 'import-rec' },
    el('legend', {}, `${kindName(recommendation.kind)} ${recommendation.number}`),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: id('include'), checked: true }), ' Include in the report'),
    el('fluent-text-field', { id: id('number'), value: recommendation.number }, 'Number'),
    select(id('kind'), 'Kind', Kinds, recommendation.kind),
    el('fluent-text-field', { id: id('addressees'), value: recommendation.addressees.join('; ') }, 'Addressed to (separate with ;)'),
    el('fluent-text-area', { id: id('text'), resize: 'vertical', value: recommendation.text }, 'Text'),
    recommendation.subItems.map((s, j) => el('div', { class: 'import-sub-item' },
      el('fluent-text-field', { id: id(`sub-${j}-label`), value: s.label }, `Sub-item ${recommendation.number}${s.label}: letter`),
      el('fluent-text-area', { id: id(`sub-${j}-text`), resize: 'vertical', value: s.text }, `Sub-item ${recommendation.number}${s.label}: text`),
      el('fluent-text-field', { id: id(`sub-${j}-addressees`), value: s.addressees.join('; ') },
        `Sub-item ${recommendation.number}${s.label}: addressed to, if not as the recommendation`))));
}

/** The recommendations as corrected on screen, in the shape POST /api/reports takes. */
function corrected(recommendations) {
  return recommendations.flatMap((r, i) => {
    const value = (field) => (/** @type {FluentControl | HTMLSelectElement} */ (byId(`import-rec-${i}-${field}`))).value;
    if (!(/** @type {HTMLInputElement} */ (byId(`import-rec-${i}-include`))).checked) return [];
    return [{
      number: value('number').trim(),
      kind: value('kind'),
      addressees: splitAddressees(value('addressees')),
      text: value('text'),
      decidedAddressee: chosenAddressee(`import-who-${i}`) ?? r.decidedAddressee ?? null,
      subItems: r.subItems
        .map((s, j) => ({
          label: value(`sub-${j}-label`).trim(),
          text: value(`sub-${j}-text`),
          addressees: splitAddressees(value(`sub-${j}-addressees`)),
          decidedAddressee: chosenAddressee(`import-who-${i}-${j}`) ?? s.decidedAddressee ?? null,
        }))
        .filter((s) => s.text.trim() !== ''),
    }];
  });
}

/** "recommendations[1].subItems[0].text" → "Recommendation 3, sub-item a: text", naming what the user sees. */
function describeField(field, sent) {
  const match = /^recommendations\[(\d+)\](?:\.subItems\[(\d+)\])?(?:\.(\w+))?/.exec(field);
  if (!match) return Fields[field] ?? field;
  const recommendation = sent[Number(match[1])];
  const subItem = match[2] === undefined ? null : recommendation?.subItems[Number(match[2])];
  const where = `${kindName(recommendation?.kind)} ${recommendation?.number ?? ''}${subItem ? `, sub-item ${subItem.label}` : ''}`;
  return match[3] ? `${where}: ${match[3]}` : where;
}

async function save(api, button, recommendations, onSaved) {
  clearError();
  clearErrorAt(button);
  const sent = corrected(recommendations);
  const url = (/** @type {FluentControl} */ (byId('import-url'))).value.trim();
  const report = {
    title: (/** @type {FluentControl} */ (byId('import-title'))).value,
    kind: (/** @type {HTMLSelectElement} */ (byId('import-kind'))).value,
    publishedOn: (/** @type {HTMLInputElement} */ (byId('import-published'))).value || null,
    url: url === '' ? null : url,
    recommendations: sent,
  };
  let refusal = null;
  await withProgress(button, 'Saving the report…', async () => {
    try {
      const { data } = await api.createReport(report);
      sessionStorage.removeItem(pastedKey);
      show(byId('import-report'), false);
      await onSaved(data);
    } catch (caught) {
      refusal = /** @type {import('./api.js').ApiError} */ (caught);
    }
  });
  if (refusal) {
    const details = Object.entries(refusal.fields ?? {}).flatMap(([field, reasons]) => reasons.map((reason) => `${describeField(field, sent)}: ${reason}`));
    showErrorAt(button, details.length > 0 ? { message: refusal.message, details } : refusal);
  }
}
