// The deadline board (Teams tab): every response with its statutory deadline, days left, stage, holder and next step.
// A table at full width; at a pane's width (350 px) each row stacks into a card, with no sideways scrolling.
import { failAtStart, start } from './signin.js';
import { isWithApprovers, names, nextAction, StateNames } from './signoff.js';
import { announce, byId, clearError, daysLeftText, el, formatDate, isOverdue } from './ui.js';

const NotStarted = 'Not started';

const Signed = new Set(['approved', 'dispatched', 'published']);

const state = { api: null, rows: [], shownFor: null };

/** The approval stage while with approvers ("Commissioner"), else the sign-off state ("Drafting", "Approved"). */
function stageOf(draft) {
  return draft.stageName ?? StateNames[draft.state] ?? draft.state;
}

/** One row per draft, and one per catalogued report no one has started: sorted by deadline, soonest first. */
async function load() {
  const [reports, drafts] = await Promise.all([state.api.reports(), state.api.drafts()]);
  const started = new Set(drafts.map((d) => d.reportId));
  state.rows = [
    ...drafts.map((d) => ({
      title: d.reportTitle,
      deadline: d.deadline,
      stage: stageOf(d),
      holder: names(d.holders),
      next: nextAction(d),
      draftId: d.id,
      withApprovers: isWithApprovers(d.state),
      signed: Signed.has(d.state),
      webUrl: d.documentWebUrl ?? null,
    })),
    ...reports.filter((r) => !started.has(r.id)).map((r) => ({
      title: r.title, deadline: r.deadline, stage: NotStarted, holder: '', next: nextAction(null), draftId: null,
    })),
  ].sort((a, b) => a.deadline.lastDay.localeCompare(b.deadline.lastDay) || a.title.localeCompare(b.title));
  const stages = [...new Set(state.rows.map((r) => r.stage))];
  byId('filter-stage').replaceChildren(el('option', { value: '' }, 'Any stage'), ...stages.map((s) => el('option', { value: s }, s)));
  render({ force: true });
}

/**
 * Without a stored web address (the embedded store, or a draft still being written) the document is downloaded, and the
 * row says so: a browser cannot hand a downloaded file to Word by itself.
 */
async function download(row, button, result) {
  clearError();
  button.disabled = true;
  result.textContent = '';
  try {
    // With approvers, the submitted version's exact document (the one they decide on), not a fresh render of the draft;
    // once approved, the signed letter.
    const latest = row.withApprovers ? (await state.api.workflow(row.draftId)).versions.at(-1) : null;
    const { bytes } = row.signed
      ? await state.api.finalDocument(row.draftId)
      : latest ? await state.api.versionDocument(row.draftId, latest.number) : await state.api.document(row.draftId);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    const suffix = row.signed ? 'signed response' : `response${latest ? ` version ${latest.number}` : ''}`;
    const link = el('a', { href: url, download: `${row.title.slice(0, 80)} - ${suffix}.docx` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const what = row.signed ? 'The signed letter' : latest ? `Version ${latest.number} of the letter` : 'The letter';
    const said = `${what} was downloaded: open it from your Downloads folder in Word.`;
    result.textContent = said;
    announce(said);
  } catch (error) {
    result.textContent = `Not downloaded. ${/** @type {Error} */ (error).message}`;
    announce(result.textContent);
  } finally {
    button.disabled = false;
  }
}

/**
 * In Microsoft 365 the stored document opens in Word itself (Office URI scheme), or in Word on the web. The Office URI
 * needs the file's own address; a Word-on-the-web address (…/Doc.aspx?sourcedoc=…) opens only in the browser, where
 * Word on the web offers "Open in Desktop App" itself.
 */
function openLinks(row, index) {
  const browser = (name) => el('a', { href: row.webUrl, target: '_blank', rel: 'noopener noreferrer', 'aria-describedby': `row-${index}` }, name);
  if (!/\.docx$/i.test(new URL(row.webUrl).pathname)) return el('div', { class: 'open-links' }, browser('Open in Word on the web'));
  return el('div', { class: 'open-links' },
    el('a', { class: 'open-in-word', href: `ms-word:ofe|u|${row.webUrl}`, 'aria-describedby': `row-${index}` }, 'Open in Word'),
    browser('Open in the browser'));
}

function documentCell(row, index) {
  if (!row.draftId) return el('td', {});
  if (row.webUrl) return el('td', { 'data-label': 'Document' }, openLinks(row, index));
  const result = el('p', { class: 'open-result' });
  const button = el('fluent-button', {
    appearance: 'outline',
    'aria-describedby': `row-${index}`,
    on: { click: (event) => download(row, event.currentTarget, result) },
  }, 'Open in Word');
  return el('td', { 'data-label': 'Document' }, button, result);
}

/** Redraws only when the filters changed: a text field's change event on blur must not replace the row being clicked. */
function render({ force = false } = {}) {
  const text = (/** @type {FluentControl} */ (byId('filter-text'))).value.trim().toLocaleLowerCase('en-GB');
  const stage = (/** @type {HTMLSelectElement} */ (byId('filter-stage'))).value;
  const overdueOnly = (/** @type {FluentControl} */ (byId('filter-overdue'))).checked;
  const key = JSON.stringify([text, stage, overdueOnly]);
  if (!force && key === state.shownFor) return;
  state.shownFor = key;
  const shown = state.rows.filter((row) =>
    (!text || row.title.toLocaleLowerCase('en-GB').includes(text))
    && (!stage || row.stage === stage)
    && (!overdueOnly || isOverdue(row.deadline)));

  byId('board-rows').replaceChildren(...shown.map((row, index) => el('tr', { class: isOverdue(row.deadline) ? 'overdue' : null },
    el('th', { scope: 'row', id: `row-${index}` }, row.title),
    el('td', { class: 'deadline-day', 'data-label': 'Statutory deadline' }, formatDate(row.deadline.lastDay)),
    el('td', { class: 'days-left', 'data-label': 'Days left' }, daysLeftText(row.deadline.daysLeft)),
    el('td', { 'data-label': 'Stage' }, row.stage),
    el('td', { 'data-label': 'Held by' }, row.holder || '–'),
    el('td', { class: 'next-step', 'data-label': 'Next step' }, row.next),
    documentCell(row, index))));
  byId('board-count').textContent = `Showing ${shown.length} of ${state.rows.length} responses.`;
}

async function main() {
  try {
    const { api } = await start();
    state.api = api;
    const filters = byId('filters');
    filters.addEventListener('submit', (event) => event.preventDefault());
    filters.addEventListener('input', () => render());
    filters.addEventListener('change', () => render());
    await load();
  } catch (error) {
    failAtStart(error);
  }
}

main();
