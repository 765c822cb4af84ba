// The deadline board (Teams tab): every response with its statutory deadline, days left, stage and holder.
import { failAtStart, start } from './signin.js';
import { isWithApprovers, names, StateNames } from './signoff.js';
import { byId, clearError, daysLeftText, el, formatDate, isOverdue, showError } from './ui.js';

const NotStarted = 'Not started';

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
      title: d.reportTitle, deadline: d.deadline, stage: stageOf(d), holder: names(d.holders), draftId: d.id, withApprovers: isWithApprovers(d.state),
    })),
    ...reports.filter((r) => !started.has(r.id)).map((r) => ({ title: r.title, deadline: r.deadline, stage: NotStarted, holder: '', draftId: null })),
  ].sort((a, b) => a.deadline.lastDay.localeCompare(b.deadline.lastDay) || a.title.localeCompare(b.title));
  const stages = [...new Set(state.rows.map((r) => r.stage))];
  byId('filter-stage').replaceChildren(el('option', { value: '' }, 'Any stage'), ...stages.map((s) => el('option', { value: s }, s)));
  render({ force: true });
}

async function openInWord(row, button) {
  clearError();
  button.disabled = true;
  try {
    // With approvers, the submitted version's exact document (the one they decide on), not a fresh render of the draft.
    const latest = row.withApprovers ? (await state.api.workflow(row.draftId)).versions.at(-1) : null;
    const { bytes } = latest ? await state.api.versionDocument(row.draftId, latest.number) : await state.api.document(row.draftId);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    const name = `${row.title.slice(0, 80)} - response${latest ? ` version ${latest.number}` : ''}.docx`;
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
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
    el('td', {}, formatDate(row.deadline.lastDay)),
    el('td', { class: 'days-left' }, daysLeftText(row.deadline.daysLeft)),
    el('td', {}, row.stage),
    el('td', {}, row.holder || '–'),
    el('td', {}, row.draftId
      ? el('fluent-button', {
        appearance: 'outline',
        'aria-describedby': `row-${index}`,
        on: { click: (event) => openInWord(row, event.currentTarget) },
      }, 'Open in Word')
      : 'Not started'))));
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
