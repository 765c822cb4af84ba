// The report list: each report's statutory deadline, and starting, continuing or reading its response.
import { byId, daysLeftText, el, formatDate, isOverdue, show } from './ui.js';

export function deadlineBadge(deadline) {
  return el('span', { class: isOverdue(deadline) ? 'days-left overdue' : 'days-left' }, daysLeftText(deadline.daysLeft));
}

/**
 * Shows the catalogue in #choose-report. Drafters start or continue a response; anyone else reads one once started.
 * @param {any} api
 * @param {{ canDraft: boolean, onOpen: (draftId: string, button: HTMLElement) => void, onStart: (reportId: string, button: HTMLElement) => void }} options
 */
export async function showReports(api, { canDraft, onOpen, onStart }) {
  const [reports, drafts] = await Promise.all([api.reports(), api.drafts()]);
  const draftOf = new Map(drafts.map((d) => [d.reportId, d]));
  const list = byId('report-list');
  list.replaceChildren(...reports.map((report) => {
    const titleId = `report-${report.id}`;
    const existing = draftOf.get(report.id);
    return el('li', {}, el('fluent-card', { class: 'report-card' },
      el('h2', { id: titleId }, report.title),
      el('p', { class: 'meta' }, `Published ${formatDate(report.publishedOn)} · ${report.recommendationCount} recommendations`),
      el('p', { class: 'deadline' }, `Last day to publish: ${formatDate(report.deadline.lastDay)} · `, deadlineBadge(report.deadline)),
      action(existing, report.title, canDraft, (button) => (existing ? onOpen(existing.id, button) : onStart(report.id, button)))));
  }));
  if (reports.length === 0) list.replaceChildren(el('li', {}, 'No reports in the catalogue yet. An administrator adds them.'));
  show(byId('choose-report'), true);
  show(byId('draft'), false);
}

function action(existing, title, canDraft, go) {
  if (!existing && !canDraft) return el('p', { class: 'hint' }, 'No response started yet.');
  const label = !existing ? 'Start the response' : canDraft ? 'Continue the response' : 'Read the response';
  // The card's title is in the button's name itself: a description pointing into the page would not cross the button's shadow root.
  // Every card has one, so none is the view's primary button (Office's guidance: one per view).
  return el('fluent-button', { appearance: 'neutral', 'aria-label': `${label}: ${title}`, on: { click: (event) => go(event.currentTarget) } }, label);
}
