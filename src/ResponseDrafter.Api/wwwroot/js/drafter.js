// The drafter's screens, put together: the report list → a draft, steered from the item navigator while the letter is
// written in Word → what is missing → build the letter → submit it for sign-off. Approvers get the review instead.
// Each screen is its own module; this one holds which draft is open and passes each screen what it needs.
import { showReview } from './approver.js';
import { startAutosave } from './autosave.js';
import { openAssuranceImport } from './import-assurance.js';
import { openRecommendationImport } from './import-recommendations.js';
import { fieldId, itemPanel, unsaved } from './item-panel.js';
import { renderLetterSettings } from './letter-settings.js';
import { navId, renderNavigator } from './navigator.js';
import { headingOf, kindName, refsOf } from './report.js';
import { deadlineBadge, showReports } from './reports-screen.js';
import { DraftSession, SaveDeclined } from './session.js';
import { failAtStart, start } from './signin.js';
import { announce, byId, clearError, clearErrorAt, el, formatDate, show, showError, showErrorAt, withProgress } from './ui.js';
import * as signOff from './submit.js';
import * as word from './word.js';

/** The drafter's own view state: which draft is open (its session), which item is chosen, what the filter holds. */
const app = {
  api: null,
  host: null,
  canDraft: false,
  /** @type {DraftSession | null} */ session: null,
  autosave: null,
  /** @type {string | null} */ chosen: null,
  /** @type {HTMLElement | null} */ panel: null,
  filter: '',
  writesInWord: false,
};

/** What submit.js reads (and the ETag it hands back after submitting), without giving it the session itself. */
const forSignOff = {
  get api() { return app.api; },
  get draft() { return app.session.draft; },
  get canDraft() { return app.canDraft; },
  get etag() { return app.session.etag; },
  set etag(etag) { app.session.reload().catch(showError); },
};

function addressees(list) {
  return list.length > 0 ? `To: ${list.join('; ')}` : 'Addressee named in the text';
}

async function listReports() {
  app.autosave?.stop();
  app.autosave = null;
  app.session = null;
  await showReports(app.api, {
    canDraft: app.canDraft,
    onOpen: (draftId, button) => withProgress(button, 'Opening the response…', () => open(() => app.api.draft(draftId), button)),
    onStart: (reportId, button) => withProgress(button, 'Starting the response…', () => open(() => app.api.startDraft(reportId), button)),
  });
}

async function open(load, button) {
  clearError();
  try {
    const { data, etag } = await load();
    await showDraft(data, etag);
  } catch (error) {
    if (button?.isConnected) showErrorAt(button, error);
    else showError(error);
  }
}

/** The answer to "Save anyway?", asked in the pane where the drafter is looking. */
function confirmCost(question) {
  const box = byId('confirm-cost');
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const answer = (yes) => {
      show(box, false);
      box.replaceChildren();
      if (returnTo?.isConnected) returnTo.focus();
      resolve(yes);
    };
    const cancel = el('fluent-button', { on: { click: () => answer(false) } }, 'Cancel');
    box.replaceChildren(
      el('p', { id: 'confirm-cost-question' }, question),
      el('div', { class: 'actions' },
        el('fluent-button', { appearance: 'accent', on: { click: () => answer(true) } }, 'Save anyway'),
        cancel));
    show(box, true);
    announce(question);
    cancel.focus();
  });
}

async function showDraft(draft, etag) {
  app.autosave?.stop();
  const report = await app.api.report(draft.reportId);
  const session = new DraftSession({ api: app.api, host: app.host, draft, etag, report, confirmCost });
  app.session = session;
  app.chosen = null;
  app.panel = null;
  session.addEventListener('status', () => renderProgress());
  session.addEventListener('draft', () => showSelected());
  await session.refresh();
  app.writesInWord = await session.carried();
  // The document as opened is where the drafter starts; only what is written from now on needs saving.
  if (app.writesInWord) await session.startFromWord();
  labelBuild();
  renderDeadline();
  renderSelection();
  renderLetterSettings(session, { canDraft: app.canDraft });
  show(byId('read-only-note'), !app.canDraft);
  show(byId('choose-report'), false);
  show(byId('draft'), true);
  app.autosave = startAutosave(session, byId('save-state'));
  renderProgress();
  byId('draft-heading').focus();
}

function renderDeadline() {
  const { report } = app.session;
  byId('deadline').replaceChildren(
    el('p', { class: 'report-title' }, report.title),
    el('p', {}, 'Last day to publish: ', el('strong', {}, formatDate(report.deadline.lastDay)), ' · ', deadlineBadge(report.deadline)));
}

/** The navigator, what is missing and the sign-off section, after anything changed. */
function renderProgress() {
  const session = app.session;
  if (!session?.status) return;
  if (app.chosen && !session.draft.selection.includes(app.chosen)) {
    app.chosen = null;
    app.panel = null;
  }
  renderNavigator(session, { chosen: app.chosen, filter: app.filter, panel: app.panel, onChoose: choose });
  renderCompleteness(session.status);
  signOff.show(forSignOff).catch(showError);
}

/** Opens an item's panel under its row and puts Word's selection in its region, where the drafter writes. */
async function choose(ref) {
  const again = app.chosen === ref;
  app.chosen = again ? null : ref;
  app.panel = again ? null : itemPanel(app.session, {
    ref,
    writesInWord: app.writesInWord,
    canDraft: app.canDraft,
    onGoToDocument: app.writesInWord ? () => goToRegion(ref) : null,
  });
  if (app.panel) app.panel.dataset.ref = ref;
  renderProgress();
  if (again) {
    byId(navId(ref))?.focus();
    return;
  }
  byId(fieldId(ref, 'heading'))?.focus();
  if (app.writesInWord) await goToRegion(ref);
}

async function goToRegion(ref) {
  try {
    const found = await word.selectRegion(ref);
    announce(found
      ? `${headingOf(app.session.report, ref)} is selected in the document: write the commissioner's response there.`
      : `${headingOf(app.session.report, ref)} is not in the document yet: build the letter to add it.`);
  } catch (error) {
    showErrorAt(byId(navId(ref)), error);
  }
}

function renderSelection() {
  const { report, draft } = app.session;
  const selected = new Set(draft.selection);
  const box = (ref, label) => el('fluent-checkbox', {
    id: fieldId(ref, 'selected'),
    'data-ref': ref,
    checked: selected.has(ref),
    readonly: !app.canDraft,
    on: { change: (event) => app.canDraft && !event.currentTarget.dataset.quiet && saveSelection(event.currentTarget) },
  }, label);
  byId('items').replaceChildren(...report.recommendations.map((r) => el('div', { class: 'recommendation' },
    box(r.number, `${kindName(r.kind)} ${r.number}`),
    el('p', { class: 'addressees' }, addressees(r.addressees)),
    r.subItems.length === 0 ? null : el('ul', { class: 'sub-items' }, r.subItems.map((s) => el('li', {},
      box(r.number + s.label, `${r.number}${s.label}`),
      s.addressees.length > 0 ? el('p', { class: 'addressees' }, addressees(s.addressees)) : null))))));
  byId('selection-count').textContent = `(${draft.selection.length} of ${refsOf(report).length})`;
}

/** The ticks as the draft has them, set on the boxes already shown (re-creating them would take focus away). */
function showSelected() {
  const { report, draft } = app.session;
  const selected = new Set(draft.selection);
  for (const ref of refsOf(report)) {
    const box = /** @type {FluentControl | null} */ (byId(fieldId(ref, 'selected')));
    if (box && box.checked !== selected.has(ref)) {
      // A Fluent checkbox announces a change made by script too; this one is not the drafter's.
      box.dataset.quiet = 'true';
      box.checked = selected.has(ref);
      delete box.dataset.quiet;
    }
  }
  byId('selection-count').textContent = `(${draft.selection.length} of ${refsOf(report).length})`;
}

async function saveSelection(box) {
  const session = app.session;
  const refs = refsOf(session.report).filter((ref) => (/** @type {FluentControl} */ (byId(fieldId(ref, 'selected'))))?.checked);
  clearErrorAt(box);
  try {
    await session.change((draft, etag) => app.api.putSelection(draft.id, refs, etag));
    announce('Selection saved.');
  } catch (error) {
    showSelected();
    if (error instanceof SaveDeclined) announce(error.message);
    else showErrorAt(box, error);
  }
}

const GapFields = { response: 'status', status: 'status', reason: 'reason', commentary: 'status' };

function renderCompleteness(status) {
  const box = byId('completeness');
  const problems = Object.values(status.problems ?? {}).flat();
  if (status.complete) {
    box.replaceChildren(el('p', { class: 'complete' }, 'Complete: every applicable recommendation has a response.'), ...emptyParts(status));
    return;
  }
  box.replaceChildren(
    el('p', {}, `Still missing (${status.gaps.length + problems.length}). The letter can be built, marked DRAFT, until these are done:`),
    el('ul', { class: 'gaps' },
      status.gaps.map((gap) => el('li', {}, el('a', {
        href: `#${fieldId(gap.ref, GapFields[gap.field] ?? 'status')}`,
        on: { click: (event) => focusGap(event, gap) },
      }, gap.message))),
      problems.map((problem) => el('li', {}, problem))),
    ...emptyParts(status));
}

/** Letter-level parts that are empty: they do not stop the letter, but the drafter should know they will not print. */
function emptyParts(status) {
  const parts = status.emptyParts ?? [];
  if (parts.length === 0) return [];
  return [
    el('p', { id: 'empty-parts-intro' }, `Empty in the letter (${parts.length}); these do not stop it:`),
    el('ul', { class: 'gaps', id: 'empty-parts', 'aria-labelledby': 'empty-parts-intro' }, parts.map((part) => el('li', {}, part.message))),
  ];
}

async function focusGap(event, gap) {
  event.preventDefault();
  if (!app.session.draft.selection.includes(gap.ref)) {
    byId('selection-panel').setAttribute('open', '');
    byId(fieldId(gap.ref, 'selected'))?.focus();
    return;
  }
  if (app.chosen !== gap.ref) await choose(gap.ref);
  const target = byId(fieldId(gap.ref, GapFields[gap.field] ?? 'status'));
  const focusable = /** @type {HTMLElement | null} */ (target?.matches('fieldset') ? target.querySelector('input') : target);
  focusable?.focus();
}

function download(bytes, name) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Word's text on the server before anything that reads it (Build, Submit, an import); throws when it could not be. */
async function saveFirst() {
  if (app.autosave && !(await app.autosave.saveNow())) {
    throw new Error('Your text in Word is not saved yet (see "Not saved" above), so nothing else was done. Retry the save first.');
  }
}

async function buildLetter(replaceEverything = false) {
  const button = byId('build');
  const result = byId('build-result');
  const session = app.session;
  show(byId('replace-confirm'), false);
  result.textContent = '';
  await withProgress(button, app.host.kind === 'word' ? 'Building the letter…' : 'Preparing the letter…', async () => {
    try {
      if (app.host.kind !== 'word') {
        const { bytes } = await app.api.document(session.draft.id);
        download(bytes, `${session.report.title.slice(0, 80)} - response.docx`);
        result.textContent = 'The letter was downloaded. Open it in Word.';
        return;
      }

      const carried = await word.documentDraft();
      if (carried && carried.draftId !== session.draft.id) {
        throw new Error(`This document holds the response to "${carried.reportTitle}". Open a new blank document for this report and build the letter there.`);
      }
      if (carried) {
        // What was written in Word reaches the server first; the server then patches only what the record changed.
        await saveFirst();
        const { result: assembled, missing: gone } = await session.change((draft, etag) => app.api.assemble(draft.id, etag));
        const changed = assembled.data.document?.changed ?? [];
        const missing = [...gone, ...(assembled.data.document?.missing ?? [])];
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
        await session.insertLetter();
        app.writesInWord = true;
        labelBuild();
        app.autosave?.say('No unsaved changes: write in the document and the pane saves it.');
        if (app.chosen) {
          const ref = app.chosen;
          app.chosen = null;
          await choose(ref);
          button.focus();
        }
        result.textContent = `The letter was built in this document from draft version ${session.draft.version}.`;
      }
      await session.refresh();
      if (!session.status?.complete) result.textContent += ' It is marked DRAFT until the missing items are done.';
    } catch (error) {
      showErrorAt(button, error);
    }
  });
}

/** In Word, once the letter is in the document the button updates it, and its hint says what an update touches. */
function labelBuild() {
  // One primary button in the view: Build until the letter is in the document, then Submit.
  const building = app.host.kind === 'word' && !app.writesInWord;
  byId('build').setAttribute('appearance', building ? 'accent' : 'neutral');
  byId('submit').setAttribute('appearance', building ? 'neutral' : 'accent');
  if (app.host.kind !== 'word') return;
  byId('build').textContent = app.writesInWord ? 'Update the letter in this document' : 'Build the letter in this document';
  byId('build-hint').textContent = app.writesInWord
    ? 'Updating brings in only the parts the draft changed since the letter was built (statuses, the force\'s text, letter settings). Your writing in the document stays as it is.'
    : 'The server renders the letter from your OPCC\'s template; building again later updates only the ResponseDrafter sections and keeps what you typed elsewhere.';
}

function wireDraft() {
  byId('build').addEventListener('click', () => buildLetter());
  byId('replace-confirm-button').addEventListener('click', () => buildLetter(true));
  byId('back').addEventListener('click', () => listReports().catch(showError));
  byId('item-filter').addEventListener('input', (event) => {
    app.filter = /** @type {HTMLInputElement} */ (event.target).value;
    renderProgress();
  });
  const pending = () => {
    const session = app.session;
    return unsaved.refs(session.draft.id).filter((ref) => session.draft.selection.includes(ref)).map((ref) => headingOf(session.report, ref));
  };
  signOff.wire(forSignOff, pending, saveFirst);
  if (app.host.kind !== 'word') {
    byId('build').textContent = 'Download the letter (.docx)';
    byId('build-hint').textContent = 'Outside Word the letter is downloaded; open the task pane in Word to build it in the document.';
  }
}

/** The import screens: a report from its text or Word file, and the force's Word document into this draft. */
function wireImports() {
  byId('import-report-open').addEventListener('click', () => openRecommendationImport(app.api, {
    onSaved: async (report) => {
      await listReports();
      byId('import-report-result').textContent = `The report "${report.title}" was saved with ${report.recommendations.length} recommendations. Start the response from its card.`;
      /** @type {HTMLElement | null} */ (byId(`report-${report.id}`)?.closest('fluent-card')?.querySelector('fluent-button'))?.focus();
    },
    onClose: () => listReports().catch(showError),
  }));
  byId('import-assurance-open').addEventListener('click', () => {
    const session = app.session;
    openAssuranceImport(app.api, { draft: session.draft, etag: session.etag, report: session.report }, {
      beforeImport: async () => {
        await saveFirst();
        return session.etag;
      },
      onImported: async (result, refs, fileName) => {
        await session.adopt(result);
        refs.forEach((ref) => unsaved.clear(session.draft.id, ref, ['assurance', 'suppliedBy']));
        if (app.chosen && refs.includes(app.chosen)) {
          const ref = app.chosen;
          app.chosen = null;
          await choose(ref);
        }
        show(byId('draft'), true);
        // The confirmation is where the drafter lands, not the top of the pane.
        const confirmation = byId('import-assurance-result');
        confirmation.textContent = `The assurance from ${fileName} was filled in for ${refs.map((ref) => headingOf(session.report, ref)).join(', ')}.`;
        confirmation.focus();
      },
      onClose: () => {
        show(byId('draft'), true);
        byId('import-assurance-open').focus();
      },
    });
  });
}

async function main() {
  try {
    const { host, api, me } = await start();
    app.host = host;
    app.api = api;
    app.canDraft = me.roles.includes('Drafter');
    document.documentElement.toggleAttribute('data-read-only', !app.canDraft);
    show(byId('import-report-open'), app.canDraft || me.roles.includes('Admin'));
    wireDraft();
    wireImports();
    const carried = host.kind === 'word' ? await word.documentDraft() : null;
    if (carried?.draftId && me.roles.includes('Approver')) await showReview(api, carried.draftId);
    else if (carried?.draftId) await open(() => api.draft(carried.draftId), null);
    else await listReports();
  } catch (error) {
    failAtStart(error);
  }
}

main();
