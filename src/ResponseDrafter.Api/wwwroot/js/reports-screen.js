// The report list: each report's statutory deadline, and starting, continuing or reading its response; where the report
// leaves it to the drafter, who answers a recommendation (see addressee-choice.js), changed from the card.
import { addresseeChoice, chosenAddressee } from './addressee-choice.js';
import { safeId } from './report.js';
import { announce, byId, daysLeftText, el, formatDate, isOverdue, show, showErrorAt, withProgress } from './ui.js';

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
      canDraft && report.addresseeQuestions > 0 ? whoAnswers(api, report) : null,
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

function whoAnswersText(report) {
  const { addresseeQuestions: all, undecidedAddressees: open } = report;
  const items = `${all} recommendation${all === 1 ? '' : 's'}`;
  return open === 0
    ? `You have said who answers the ${items} that name no addressee or only a general one.`
    : `${open} of ${items} that name no addressee or only a general one ${open === 1 ? 'waits' : 'wait'} for you to say who answers ${open === 1 ? 'it' : 'them'}.`;
}

/** The card's line about addressees the drafter decides, and a button that opens the questions in the card. */
function whoAnswers(api, report) {
  const key = safeId(report.id);
  const hint = el('p', { id: `who-${key}-hint`, class: 'hint' }, whoAnswersText(report));
  const panel = el('div', { id: `who-${key}`, class: 'addressee-questions', hidden: true });
  const open = el('fluent-button', {
    id: `who-${key}-open`,
    appearance: 'outline',
    'aria-label': `Choose who answers: ${report.title}`,
    'aria-expanded': 'false',
    on: { click: () => toggle(api, report, open, panel, hint) },
  }, 'Choose who answers');
  return el('div', {}, hint, open, panel);
}

async function toggle(api, report, button, panel, hint) {
  if (!panel.hidden) {
    show(panel, false);
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  let refusal = null;
  await withProgress(button, 'Opening the questions…', async () => {
    try {
      const { data, etag } = await api.reportToChange(report.id);
      renderQuestions(api, data, etag, panel, hint, button);
    } catch (caught) {
      refusal = caught;
    }
  });
  if (refusal) {
    showErrorAt(button, refusal);
    return;
  }
  show(panel, true);
  button.setAttribute('aria-expanded', 'true');
  /** @type {HTMLElement | null} */ (panel.querySelector('input'))?.focus();
}

function renderQuestions(api, full, etag, panel, hint, opener) {
  const key = safeId(full.id);
  const groupId = (q) => `who-${key}-${safeId(q.ref)}`;
  const save = el('fluent-button', { id: `who-${key}-save`, appearance: 'accent', on: { click: () => saveDecisions(api, full, etag, groupId, save, panel, hint, opener) } },
    'Save who answers');
  panel.replaceChildren(...full.questions.map((q) => addresseeChoice(groupId(q), q)), el('div', { class: 'actions' }, save));
}

/** The whole report sent back as it was, with the decisions chosen on the card; a refusal is shown beside the button. */
async function saveDecisions(api, full, etag, groupId, button, panel, hint, opener) {
  const decision = (number, label = null) => {
    const question = full.questions.find((q) => q.recommendation === number && q.subItem === label);
    return question ? chosenAddressee(groupId(question)) : null;
  };
  const input = {
    title: full.title,
    kind: full.kind,
    publishedOn: full.publishedOn,
    url: full.url,
    recommendations: full.recommendations.map((r) => ({
      number: r.number,
      kind: r.kind,
      addressees: r.addressees,
      text: r.text,
      decidedAddressee: decision(r.number) ?? r.decidedAddressee ?? null,
      subItems: r.subItems.map((s) => ({
        label: s.label,
        text: s.text,
        addressees: s.addressees,
        decidedAddressee: decision(r.number, s.label) ?? s.decidedAddressee ?? null,
      })),
    })),
  };
  let refusal = null;
  await withProgress(button, 'Saving who answers…', async () => {
    try {
      const { data } = await api.updateReport(full.id, input, etag);
      const open = data.questions.filter((q) => q.decided === null).length;
      hint.textContent = whoAnswersText({ addresseeQuestions: data.questions.length, undecidedAddressees: open });
      show(panel, false);
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
      announce(`Saved. ${hint.textContent} A response started from now on answers what you chose; check the selection of one already started.`);
    } catch (caught) {
      refusal = caught;
    }
  });
  if (refusal) showErrorAt(button, refusal);
}
