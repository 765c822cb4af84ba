// The drafter's screen: choose a report → the applicable recommendations → assurance, commentary and status per item
// → what is missing → build the letter in the open document → submit for sign-off. Approvers get the review instead.
import { showReview } from './approver.js';
import { readLetter } from './docx.js';
import { openAssuranceImport } from './import-assurance.js';
import { openRecommendationImport } from './import-recommendations.js';
import { failAtStart, start } from './signin.js';
import { announce, busy, byId, clearError, daysLeftText, el, formatDate, isOverdue, show, showError } from './ui.js';
import * as signOff from './submit.js';
import * as word from './word.js';

const Presentations = [
  ['quoted-in-full', 'Quoted in full'],
  ['summarised', 'Summarised (full text in the annex)'],
  ['annex-only', 'In the annex only'],
];
const Statuses = [
  ['action-taken', 'Action taken'],
  ['action-proposed', 'Action proposed'],
  ['no-action', 'No action will be taken'],
];
const KindNames = { recommendation: 'Recommendation', 'cause-of-concern': 'Cause of concern', 'area-for-improvement': 'Area for improvement' };

const state = { api: null, host: null, report: null, draft: null, etag: null, status: null, canDraft: false };

/** Unsaved input survives a failed save and a reload: it stays in this tab's session storage until the server has it. */
const unsaved = {
  key: (ref, field) => `responsedrafter.unsaved.${state.draft.id}.${ref}.${field}`,
  get: (ref, field) => sessionStorage.getItem(unsaved.key(ref, field)),
  set: (ref, field, value) => sessionStorage.setItem(unsaved.key(ref, field), value),
  clear: (ref, fields) => fields.forEach((field) => sessionStorage.removeItem(unsaved.key(ref, field))),
  /** The headings of the answered items with typed text the server does not have yet. */
  pending: () => {
    const prefix = `responsedrafter.unsaved.${state.draft.id}.`;
    const keys = Object.keys(sessionStorage).filter((key) => key.startsWith(prefix));
    const refs = new Set(keys.map((key) => key.slice(prefix.length, key.lastIndexOf('.'))));
    return state.draft.selection.filter((ref) => refs.has(ref)).map(headingOf);
  },
};

/**
 * The document open in Word and the server's copy of it, kept in step. Before a change goes to the server, what was
 * written in Word since they last agreed goes first (the document's exact bytes); after it, the regions the server
 * patched are brought into Word. Nothing else in the document is touched.
 */
const sync = {
  /** The body's text when Word and the server last agreed; null until they have (so the first change saves Word first). */
  text: null,
  async carried() {
    return state.host.kind === 'word' && (await word.documentDraft())?.draftId === state.draft.id;
  },
  async saveWordFirst() {
    if (!(await sync.carried())) return;
    const text = await word.bodyText();
    if (text === sync.text) return;
    accept(await state.api.saveDocument(state.draft.id, await word.documentFile(), state.etag));
    sync.text = text;
  },
  /** Returns the regions the document no longer has (deleted in Word), which the server could not fill. */
  async bringIntoWord(changed) {
    if (!changed?.length || !(await sync.carried())) return [];
    const regions = new Set(changed.map((path) => path.split('/')[0]).filter((tag) => !tag.includes(':')));
    const { bytes } = await state.api.document(state.draft.id);
    const missing = await word.updateLetter(await readLetter(bytes), regions);
    sync.text = await word.bodyText();
    return missing;
  },
  /** A change to the draft: Word's writing saved first, the change made, the server's patch brought into Word. */
  async change(send) {
    await sync.saveWordFirst();
    const result = await send();
    accept(result);
    await sync.bringIntoWord(result.data.document?.changed);
    return result;
  },
};

const fieldId = (ref, field) => `item-${ref}-${field}`;

function refsOf(report) {
  return report.recommendations.flatMap((r) => [r.number, ...r.subItems.map((s) => r.number + s.label)]);
}

function itemOf(ref) {
  for (const recommendation of state.report.recommendations) {
    if (recommendation.number === ref) return { recommendation, subItem: null };
    const subItem = recommendation.subItems.find((s) => recommendation.number + s.label === ref);
    if (subItem) return { recommendation, subItem };
  }
  return null;
}

function headingOf(ref) {
  const { recommendation } = itemOf(ref);
  return `${KindNames[recommendation.kind] ?? 'Recommendation'} ${ref}`;
}

function addressees(list) {
  return list.length > 0 ? `To: ${list.join('; ')}` : 'Addressee named in the text';
}

function deadlineBadge(deadline) {
  return el('span', { class: isOverdue(deadline) ? 'days-left overdue' : 'days-left' }, daysLeftText(deadline.daysLeft));
}

async function showReports() {
  const [reports, drafts] = await Promise.all([state.api.reports(), state.api.drafts()]);
  const draftOf = new Map(drafts.map((d) => [d.reportId, d]));
  const list = byId('report-list');
  list.replaceChildren(...reports.map((report) => {
    const titleId = `report-${report.id}`;
    const existing = draftOf.get(report.id);
    return el('li', {}, el('fluent-card', { class: 'report-card' },
      el('h2', { id: titleId }, report.title),
      el('p', { class: 'meta' }, `Published ${formatDate(report.publishedOn)} · ${report.recommendationCount} recommendations`),
      el('p', { class: 'deadline' }, `Last day to publish: ${formatDate(report.deadline.lastDay)} `, deadlineBadge(report.deadline)),
      reportAction(report, existing, titleId)));
  }));
  if (reports.length === 0) list.replaceChildren(el('li', {}, 'No reports in the catalogue yet. An administrator adds them.'));
  show(byId('choose-report'), true);
  show(byId('draft'), false);
}

/** Drafters start or continue the response; anyone else can read a response once it is started. */
function reportAction(report, existing, titleId) {
  if (!existing && !state.canDraft) return el('p', { class: 'hint' }, 'No response started yet.');
  const label = !existing ? 'Start the response' : state.canDraft ? 'Continue the response' : 'Read the response';
  return el('fluent-button', {
    appearance: 'accent',
    'aria-describedby': titleId,
    on: { click: () => (existing ? openDraft(existing.id) : startDraft(report.id)) },
  }, label);
}

async function startDraft(reportId) {
  clearError();
  try {
    const { data, etag } = await state.api.startDraft(reportId);
    await showDraft(data, etag);
  } catch (error) {
    showError(error);
  }
}

async function openDraft(draftId) {
  clearError();
  try {
    const { data, etag } = await state.api.draft(draftId);
    await showDraft(data, etag);
  } catch (error) {
    showError(error);
  }
}

async function showDraft(draft, etag) {
  sync.text = null;
  state.draft = draft;
  state.etag = etag;
  state.report = await state.api.report(draft.reportId);
  renderDeadline();
  renderSelection();
  renderResponses();
  show(byId('read-only-note'), !state.canDraft);
  show(byId('choose-report'), false);
  show(byId('draft'), true);
  await refreshStatus();
  byId('draft-heading').focus();
}

function accept({ data, etag }) {
  state.draft = data;
  state.etag = etag;
}

function renderDeadline() {
  const { report } = state;
  byId('deadline').replaceChildren(
    el('p', { class: 'report-title' }, report.title),
    el('p', {}, `Last day to publish: `, el('strong', {}, formatDate(report.deadline.lastDay)), ' ', deadlineBadge(report.deadline)));
}

function renderSelection() {
  const selected = new Set(state.draft.selection);
  const box = (ref, label) => el('fluent-checkbox', {
    id: fieldId(ref, 'selected'),
    'data-ref': ref,
    checked: selected.has(ref),
    on: { change: saveSelection },
  }, label);
  byId('items').replaceChildren(...state.report.recommendations.map((r) => el('div', { class: 'recommendation' },
    box(r.number, `${KindNames[r.kind] ?? 'Recommendation'} ${r.number}`),
    el('p', { class: 'addressees' }, addressees(r.addressees)),
    el('p', { class: 'verbatim' }, r.text),
    r.subItems.length === 0 ? null : el('ul', { class: 'sub-items' }, r.subItems.map((s) => el('li', {},
      box(r.number + s.label, `${r.number}${s.label}`),
      s.addressees.length > 0 ? el('p', { class: 'addressees' }, addressees(s.addressees)) : null,
      el('p', { class: 'verbatim' }, s.text)))))));
  lockForReading(byId('items'));
}

async function saveSelection() {
  clearError();
  const refs = refsOf(state.report).filter((ref) => (/** @type {FluentControl} */ (byId(fieldId(ref, 'selected'))))?.checked);
  try {
    await sync.change(() => state.api.putSelection(state.draft.id, refs, state.etag));
    renderResponses();
    announce('Selection saved.');
    await refreshStatus();
  } catch (error) {
    showError(error);
    renderSelection();
  }
}

function responseFor(ref) {
  return state.draft.responses.find((r) => r.ref === ref) ?? { ref, commentary: null, status: null, reason: null, assurance: null };
}

/** A labelled text area whose typing is kept in session storage until the server has it. */
function textArea(ref, field, label, saved, hint) {
  const hintId = hint ? `${fieldId(ref, field)}-hint` : null;
  const restored = unsaved.get(ref, field);
  const area = el('fluent-text-area', {
    id: fieldId(ref, field),
    resize: 'vertical',
    'aria-describedby': hintId,
    value: restored ?? saved ?? '',
    on: { input: (event) => unsaved.set(ref, field, event.target.value) },
  }, label);
  return [area, hint ? el('p', { id: hintId, class: 'hint' }, hint) : null];
}

function textField(ref, field, label, saved) {
  const restored = unsaved.get(ref, field);
  return el('fluent-text-field', {
    id: fieldId(ref, field),
    value: restored ?? saved ?? '',
    on: { input: (event) => unsaved.set(ref, field, event.target.value) },
  }, label);
}

/** Native radio buttons: with nothing chosen yet they stay reachable by Tab, which the Fluent radio group is not. */
function radios(ref, field, label, options, saved) {
  const chosen = unsaved.get(ref, field) ?? saved;
  const name = fieldId(ref, field);
  return el('fieldset', { id: name, class: 'choices' },
    el('legend', {}, label),
    options.map(([value, text]) => el('label', {},
      el('input', {
        type: 'radio',
        name,
        value,
        checked: chosen === value,
        on: { change: () => unsaved.set(ref, field, value) },
      }),
      ` ${text}`)));
}

function provenance(assurance) {
  if (!assurance) return el('p', { class: 'hint' }, 'No assurance from the force yet.');
  const p = assurance.provenance;
  const from = p.sourceFileName ? ` from the file ${p.sourceFileName}` : '';
  return el('p', { class: 'provenance' }, `Saved: supplied by ${p.suppliedBy}, received ${formatDate(p.receivedOn)}${from}.`);
}

function renderResponses() {
  const container = byId('responses');
  if (state.draft.selection.length === 0) {
    container.replaceChildren(el('p', {}, 'Tick at least one recommendation above to answer it in the letter.'));
    return;
  }
  container.replaceChildren(...state.draft.selection.map((ref) => {
    const { recommendation, subItem } = itemOf(ref);
    const saved = responseFor(ref);
    const assurance = saved.assurance;
    const headingId = `${fieldId(ref, 'heading')}`;
    const result = el('p', { id: fieldId(ref, 'result'), class: 'save-result', role: 'status' });
    return el('section', { class: 'item', 'aria-labelledby': headingId },
      el('h3', { id: headingId }, headingOf(ref)),
      el('p', { class: 'verbatim' }, subItem ? subItem.text : recommendation.text),
      el('fieldset', {},
        el('legend', {}, "The force's assurance"),
        textArea(ref, 'assurance', 'Assurance text (paste it here)', assurance?.text,
          "Paste the chief constable's text for this recommendation, word for word."),
        textField(ref, 'suppliedBy', 'Supplied by (name and role)', assurance?.provenance.suppliedBy),
        radios(ref, 'presentation', 'How the letter shows it', Presentations, assurance?.presentation ?? 'quoted-in-full'),
        textArea(ref, 'summary', 'Summary (when summarised)', assurance?.summary),
        el('label', { for: fieldId(ref, 'file'), class: 'file-label drafting-only' }, "Or attach the force's file (.txt or .md)"),
        el('input', { type: 'file', id: fieldId(ref, 'file'), class: 'drafting-only', accept: '.txt,.md,text/plain,text/markdown' }),
        provenance(assurance),
        el('fluent-button', { appearance: 'accent', class: 'drafting-only', on: { click: (event) => saveAssurance(ref, event.currentTarget) } }, 'Save assurance')),
      el('fieldset', {},
        el('legend', {}, "The commissioner's response"),
        textArea(ref, 'commentary', 'Commentary', saved.commentary),
        radios(ref, 'status', 'Status', Statuses, saved.status),
        textArea(ref, 'reason', 'Reason (needed when no action will be taken)', saved.reason),
        el('fluent-button', { appearance: 'accent', class: 'drafting-only', on: { click: (event) => saveResponse(ref, event.currentTarget) } }, 'Save response')),
      result);
  }));
  lockForReading(container);
}

/** Without the Drafter role (an approver or administrator) the draft can be read here but not changed: the server would refuse. */
function lockForReading(container) {
  if (state.canDraft) return;
  container.querySelectorAll('fluent-text-area, fluent-text-field, fluent-checkbox').forEach((control) => control.setAttribute('readonly', ''));
  container.querySelectorAll('input').forEach((input) => { input.disabled = true; });
}

function valueOf(ref, field) {
  // A fieldset of radio buttons, a select or a Fluent text control.
  const element = /** @type {HTMLFieldSetElement | HTMLSelectElement | FluentControl} */ (byId(fieldId(ref, field)));
  const value = (element?.tagName === 'FIELDSET'
    ? /** @type {HTMLInputElement | null} */ (element.querySelector('input:checked'))?.value
    : /** @type {HTMLSelectElement | FluentControl} */ (element)?.value) ?? '';
  return value === '' ? null : value;
}

async function saveAssurance(ref, button) {
  clearError();
  busy(button, true);
  byId(fieldId(ref, 'result')).textContent = 'Saving…';
  const fields = ['assurance', 'suppliedBy', 'presentation', 'summary'];
  try {
    const file = (/** @type {HTMLInputElement} */ (byId(fieldId(ref, 'file')))).files[0];
    if (file) {
      const form = new FormData();
      form.append('file', file);
      form.append('suppliedBy', valueOf(ref, 'suppliedBy') ?? '');
      form.append('presentation', valueOf(ref, 'presentation') ?? 'quoted-in-full');
      if (valueOf(ref, 'summary')) form.append('summary', valueOf(ref, 'summary'));
      await sync.change(() => state.api.uploadAssurance(state.draft.id, ref, form, state.etag));
    } else {
      await sync.change(() => state.api.putAssurance(state.draft.id, ref, {
        text: valueOf(ref, 'assurance'),
        suppliedBy: valueOf(ref, 'suppliedBy'),
        presentation: valueOf(ref, 'presentation'),
        summary: valueOf(ref, 'summary'),
      }, state.etag));
    }
    unsaved.clear(ref, fields);
    renderResponses();
    byId(fieldId(ref, 'result')).textContent = `Assurance for ${headingOf(ref)} saved.`;
    await refreshStatus();
  } catch (error) {
    byId(fieldId(ref, 'result')).textContent = 'Not saved.';
    showError(error);
  } finally {
    busy(button, false);
  }
}

async function saveResponse(ref, button) {
  clearError();
  busy(button, true);
  byId(fieldId(ref, 'result')).textContent = 'Saving…';
  try {
    await sync.change(() => state.api.putResponse(state.draft.id, ref, {
      commentary: valueOf(ref, 'commentary'),
      status: valueOf(ref, 'status'),
      reason: valueOf(ref, 'reason'),
    }, state.etag));
    unsaved.clear(ref, ['commentary', 'status', 'reason']);
    renderResponses();
    byId(fieldId(ref, 'result')).textContent = `Response to ${headingOf(ref)} saved.`;
    await refreshStatus();
  } catch (error) {
    byId(fieldId(ref, 'result')).textContent = 'Not saved.';
    showError(error);
  } finally {
    busy(button, false);
  }
}

const GapFields = { response: 'commentary', status: 'status', reason: 'reason', commentary: 'commentary' };

async function refreshStatus() {
  const status = await state.api.status(state.draft.id);
  state.status = status;
  await signOff.show(state);
  const box = byId('completeness');
  const problems = Object.entries(status.problems ?? {}).flatMap(([, reasons]) => reasons);
  if (status.complete) {
    box.replaceChildren(el('p', { class: 'complete' }, 'Complete: every applicable recommendation has a response.'));
    return;
  }
  box.replaceChildren(
    el('p', {}, `Still missing (${status.gaps.length + problems.length}). The letter can be built, marked DRAFT, until these are done:`),
    el('ul', { class: 'gaps' },
      status.gaps.map((gap) => el('li', {}, el('a', {
        href: `#${fieldId(gap.ref, GapFields[gap.field] ?? 'commentary')}`,
        on: { click: (event) => focusGap(event, gap) },
      }, gap.message))),
      problems.map((problem) => el('li', {}, problem))));
}

function focusGap(event, gap) {
  const target = byId(fieldId(gap.ref, GapFields[gap.field] ?? 'commentary'));
  if (!target) {
    event.preventDefault();
    byId(fieldId(gap.ref, 'selected'))?.focus();
    return;
  }
  event.preventDefault();
  target.focus();
}

function download(bytes, name) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function buildLetter(replaceEverything = false) {
  clearError();
  const button = byId('build');
  const result = byId('build-result');
  show(byId('replace-confirm'), false);
  busy(button, true);
  try {
    if (state.host.kind !== 'word') {
      const { bytes } = await state.api.document(state.draft.id);
      download(bytes, `${state.report.title.slice(0, 80)} - response.docx`);
      result.textContent = 'The letter was downloaded. Open it in Word.';
      return;
    }

    const carried = await word.documentDraft();
    if (carried && carried.draftId !== state.draft.id) {
      throw new Error(`This document holds the response to "${carried.reportTitle}". Open a new blank document for this report and build the letter there.`);
    }
    if (carried) {
      // What was written in Word reaches the server first; the server then patches only what the record changed.
      await sync.saveWordFirst();
      const assembled = await state.api.assemble(state.draft.id, state.etag);
      accept(assembled);
      const changed = assembled.data.document?.changed ?? [];
      const missing = [...await sync.bringIntoWord(changed), ...(assembled.data.document?.missing ?? [])];
      result.textContent = changed.length === 0
        ? 'The letter is up to date with the draft. Your text in Word is saved.'
        : 'The letter was updated where the draft changed. Your text in Word is saved and unchanged.';
      if (missing.length > 0) {
        result.textContent += ` These sections are not in the document any more and were left out: ${[...new Set(missing)].join(', ')}.`;
      }
    } else if (!replaceEverything && await word.documentHasText()) {
      show(byId('replace-confirm'), true);
      result.textContent = 'This document already has text that did not come from ResponseDrafter.';
      byId('replace-confirm-button').focus();
      return;
    } else {
      const { bytes } = await state.api.document(state.draft.id);
      await word.insertLetter(await readLetter(bytes));
      sync.text = await word.bodyText();
      result.textContent = `The letter was built in this document from draft version ${state.draft.version}.`;
    }
    await refreshStatus();
    if (!state.status?.complete) result.textContent += ' It is marked DRAFT until the missing items are done.';
  } catch (error) {
    showError(error);
  } finally {
    busy(button, false);
  }
}

function wireBuild() {
  byId('build').addEventListener('click', () => buildLetter());
  byId('replace-confirm-button').addEventListener('click', () => buildLetter(true));
  byId('back').addEventListener('click', () => showReports().catch(showError));
  signOff.wire(state, unsaved.pending, sync.saveWordFirst);
  if (state.host.kind !== 'word') {
    byId('build').textContent = 'Download the letter (.docx)';
    byId('build-hint').textContent = 'Outside Word the letter is downloaded; open the task pane in Word to build it in the document.';
  }
}

/** The import screens: a report from its text or Word file, and the force's Word document into this draft. */
function wireImports() {
  byId('import-report-open').addEventListener('click', () => openRecommendationImport(state.api, {
    onSaved: async (report) => {
      await showReports();
      byId('import-report-result').textContent = `The report "${report.title}" was saved with ${report.recommendations.length} recommendations. Start the response from its card.`;
      /** @type {HTMLElement | null} */ (byId(`report-${report.id}`)?.closest('fluent-card')?.querySelector('fluent-button'))?.focus();
    },
    onClose: () => showReports().catch(showError),
  }));
  byId('import-assurance-open').addEventListener('click', () => openAssuranceImport(state.api, state, {
    beforeImport: async () => {
      await sync.saveWordFirst();
      return state.etag;
    },
    onImported: async (result, refs, fileName) => {
      accept(result);
      await sync.bringIntoWord(result.data.document?.changed);
      refs.forEach((ref) => unsaved.clear(ref, ['assurance', 'suppliedBy']));
      renderResponses();
      show(byId('draft'), true);
      byId('import-assurance-result').textContent = `The assurance from ${fileName} was filled in for ${refs.map(headingOf).join(', ')}.`;
      byId('draft-heading').focus();
      await refreshStatus();
    },
    onClose: () => show(byId('draft'), true),
  }));
}

async function main() {
  try {
    const { host, api, me } = await start();
    state.host = host;
    state.api = api;
    state.canDraft = me.roles.includes('Drafter');
    document.documentElement.toggleAttribute('data-read-only', !state.canDraft);
    show(byId('import-report-open'), state.canDraft || me.roles.includes('Admin'));
    wireBuild();
    wireImports();
    const carried = host.kind === 'word' ? await word.documentDraft() : null;
    if (carried?.draftId && me.roles.includes('Approver')) await showReview(api, carried.draftId);
    else if (carried?.draftId) await openDraft(carried.draftId);
    else await showReports();
  } catch (error) {
    failAtStart(error);
  }
}

main();
