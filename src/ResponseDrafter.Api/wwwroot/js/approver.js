// The approver's screen, for a document that carries a draft: its stage and version, whether the approver has edited
// the text in Word (checked when the pane opens and whenever Word's text changes), what changed since their last look,
// the decisions so far, and Approve / Request changes / Submit my changes as a new version. A decision carries the open
// document's exact bytes: the server checks they are the submitted version and binds the decision to the version's hash.
import { decisionList, names, StateNames, whereItIs } from './signoff.js';
import { byId, el, formatDate, show, withProgress } from './ui.js';
import * as word from './word.js';

const DocxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ChangeLabels = { added: 'Added: ', removed: 'Removed: ' };

/** How often the pane looks at Word's text for edits; only a change of text sends the document to the server. */
const WatchInterval = 2000;

const state = {
  api: null,
  draftId: null,
  review: null,
  /** The server's reading of the open document (OpenDocumentDto), or null before the first check. */
  open: null,
  /** Word's body text when the document was last checked. */
  checkedText: null,
  checking: null,
  checkAgain: false,
};

/** Typed comments survive a refused decision and a reload, until the server has them. */
const typedComment = {
  key: () => `responsedrafter.unsaved.review.${state.draftId}`,
  get: () => sessionStorage.getItem(typedComment.key()) ?? '',
  set: (value) => sessionStorage.setItem(typedComment.key(), value),
  clear: () => sessionStorage.removeItem(typedComment.key()),
};

/** Word hands the document to one reader at a time: the edit check and a decision never read it at once. */
let reading = Promise.resolve();
function readDocument() {
  const next = reading.then(() => word.documentFile());
  reading = next.catch(() => undefined);
  return next;
}

/** Shows the review of the draft the open document carries, and starts following the document. */
export async function showReview(api, draftId) {
  state.api = api;
  state.draftId = draftId;
  const comment = /** @type {HTMLTextAreaElement} */ (byId('review-comment'));
  comment.value = typedComment.get();
  comment.addEventListener('input', () => typedComment.set(comment.value));
  byId('approve').addEventListener('click', (event) => decide('approve', event.currentTarget));
  byId('request-changes').addEventListener('click', (event) => decide('request-changes', event.currentTarget));
  byId('submit-edits').addEventListener('click', (event) => submitEdits(event.currentTarget));
  await load();
  show(byId('review'), true);
  byId('review-heading').focus();
  checkEdits();
  setInterval(watchDocument, WatchInterval);
}

async function load() {
  const [review, workflow] = await Promise.all([state.api.review(state.draftId), state.api.workflow(state.draftId)]);
  state.review = review;
  renderSummary(review, workflow);
  renderChanges(review);
  renderDecisions(review);
  show(byId('review-decide'), review.canDecide);
  show(byId('cannot-decide'), !review.canDecide);
  byId('cannot-decide').textContent = review.canDecide ? '' : review.cannotDecideBecause ?? '';
  byId('acting-for').textContent = review.actingFor ? `You are deciding for ${review.actingFor.name}, as their deputy.` : '';
  show(byId('open-document'), review.current != null);
}

/** Word has no "text changed" event on every platform, so the pane compares the body's text every few seconds. */
async function watchDocument() {
  if (document.visibilityState !== 'visible' || state.checking || !state.review?.current) return;
  try {
    if ((await word.bodyText()) !== state.checkedText) await checkEdits();
  } catch {
    // Word is busy (a dialog is open, say); the next look will do.
  }
}

/** Sends the open document to the server, which says which paragraphs differ from the version awaiting a decision. */
async function checkEdits() {
  if (!state.review?.current) return;
  if (state.checking) {
    state.checkAgain = true;
    return;
  }
  state.checking = (async () => {
    do {
      state.checkAgain = false;
      try {
        state.checkedText = await word.bodyText();
        state.open = await state.api.compareOpenDocument(state.draftId, await readDocument());
        renderOpenDocument();
      } catch (error) {
        state.open = null;
        byId('open-document-state').textContent = `The pane could not check the document for edits: ${error instanceof Error ? error.message : String(error)}`;
        show(byId('open-document-edits'), false);
        renderEditActions();
      }
    } while (state.checkAgain);
  })();
  try {
    await state.checking;
  } finally {
    state.checking = null;
  }
}

function renderOpenDocument() {
  const open = state.open;
  const list = byId('open-document-edits');
  const edited = open.edits.length > 0;
  byId('open-document').classList.toggle('edited', edited);
  if (!edited) {
    byId('open-document-state').textContent = open.openVersion === open.currentVersion
      ? `None: the document is version ${open.currentVersion} as it was submitted.`
      : `This document is version ${open.openVersion}, but version ${open.currentVersion} awaits your decision. Open version ${open.currentVersion} (from your notification or the board) to decide on it.`;
    list.replaceChildren();
    show(list, false);
  } else {
    const count = open.edits.length === 1 ? '1 paragraph' : `${open.edits.length} paragraphs`;
    byId('open-document-state').textContent = `You have changed ${count} of version ${open.currentVersion} in this document:`;
    list.replaceChildren(...open.edits.map(editItem));
    show(list, true);
  }
  renderEditActions();
}

/** One changed paragraph, before → after, each labelled in words as well as struck through or underlined. */
function editItem(edit) {
  const text = (value) => (value.trim() === '' ? '(an empty paragraph)' : value);
  const line = (label, tag, value) => el('p', {}, el('span', { class: 'change-kind' }, label), el(tag, {}, text(value)));
  if (edit.before == null) return el('li', { class: 'edit added' }, line('Added: ', 'ins', edit.after));
  if (edit.after == null) return el('li', { class: 'edit removed' }, line('Removed: ', 'del', edit.before));
  return el('li', { class: 'edit reworded' }, line('Was: ', 'del', edit.before), line('Now: ', 'ins', edit.after));
}

/**
 * With edits the approver can submit, "Submit my changes as a new version" becomes the view's one primary button and
 * says what it costs; Approve stays, but covers only the version as it was sent.
 */
function renderEditActions() {
  const open = state.open;
  const edited = open != null && open.edits.length > 0;
  const outcome = edited ? open.ifSubmitted : null;
  byId('approve').setAttribute('appearance', outcome ? 'neutral' : 'accent');
  byId('submit-edits').setAttribute('appearance', outcome ? 'accent' : 'neutral');
  show(byId('submit-edits-block'), outcome != null);
  byId('submit-edits-hint').textContent = outcome ? consequence(open) : '';
  const approveHint = byId('approve-hint');
  approveHint.textContent = !edited
    ? ''
    : outcome
      ? `Approving covers version ${open.currentVersion} as it was sent: undo your edits in Word to approve it, or submit them as a new version.`
      : `Approving covers version ${open.currentVersion} as it was sent: undo your edits in Word to approve it. Your edits cannot become a new version: ${open.cannotSubmitBecause}`;
  show(approveHint, edited);
}

/** "This makes version 3 from your edits; the 2 approvals given by … no longer stand, and sign-off restarts at Head of policy." */
function consequence(open) {
  const outcome = open.ifSubmitted;
  const given = outcome.approvalsVoided;
  const who = given.map((a) => (a.onBehalfOf ? `${a.by.name} for ${a.onBehalfOf.name} (${a.stageName})` : `${a.by.name} (${a.stageName})`));
  const approvals = given.length === 0
    ? `no approval has been given on version ${open.currentVersion} yet`
    : given.length === 1
      ? `the approval given by ${who[0]} no longer stands`
      : `the ${given.length} approvals given by ${names(who)} no longer stand`;
  return `This makes version ${outcome.newVersion} from your edits; ${approvals}, and sign-off restarts at ${outcome.restartStageName}.`;
}

function renderSummary(review, workflow) {
  const current = review.current;
  const stage = review.stageName ? `${review.stageName} (${StateNames[review.state]})` : StateNames[review.state] ?? review.state;
  const lines = [
    el('p', { class: 'report-title' }, review.reportTitle),
    el('p', {}, 'Stage: ', el('strong', {}, stage)),
  ];
  if (current) {
    lines.push(
      el('p', {}, `Version ${current.number}, submitted by ${current.submittedBy.name} on ${formatDate(current.submittedAt.slice(0, 10))}`),
      el('p', {}, whereItIs(workflow)));
  } else {
    lines.push(el('p', {}, 'Nothing has been submitted yet.'));
  }
  byId('review-summary').replaceChildren(...lines);
}

/** Runs of unchanged paragraphs fold into one line; added and removed ones are labelled in words, not only by colour. */
function renderChanges(review) {
  const box = byId('review-changes');
  if (!review.current) {
    box.replaceChildren();
    return;
  }
  if (review.comparedWith == null) {
    box.replaceChildren(el('p', {}, 'This is the first version submitted: there is no earlier version to compare it with.'));
    return;
  }
  if (!review.changes.some((c) => c.kind !== 'same')) {
    box.replaceChildren(el('p', {}, `The text is the same as version ${review.comparedWith}.`));
    return;
  }

  const items = [];
  let unchanged = 0;
  const flush = () => {
    if (unchanged > 0) items.push(el('li', { class: 'change same' }, `${unchanged} unchanged ${unchanged === 1 ? 'paragraph' : 'paragraphs'}`));
    unchanged = 0;
  };
  for (const change of review.changes) {
    if (change.kind === 'same') {
      unchanged++;
      continue;
    }
    flush();
    const text = change.kind === 'added' ? el('ins', {}, change.text) : el('del', {}, change.text);
    items.push(el('li', { class: `change ${change.kind}` }, el('span', { class: 'change-kind' }, ChangeLabels[change.kind]), text));
  }
  flush();
  box.replaceChildren(
    el('p', {}, `Version ${review.current.number} compared with version ${review.comparedWith}:`),
    el('ul', { class: 'changes' }, items));
}

function renderDecisions(review) {
  byId('review-decisions').replaceChildren(review.decisions.length === 0 ? el('p', {}, 'No decisions yet.') : decisionList(review.decisions));
}

/** A refusal shows under the buttons that caused it, and takes focus so it is read out. */
function showRefusal(error) {
  const box = byId('decide-error');
  const details = error.details ?? [];
  // Edits refused by the accessibility check: each error, where it is and what to do in Word.
  /** @type {{ severity: string, where: string, message: string, fix: string }[]} */
  const findings = error.problem?.accessibility ?? [];
  const inaccessible = findings.filter((f) => f.severity === 'error').map((f) => `${f.where}: ${f.message} ${f.fix}`);
  // A field's own reasons ("Comment: Is required …") say more than the summary line above them.
  const lines = details.length > 0 ? details : [error.message ?? String(error), ...inaccessible];
  box.replaceChildren(...lines.map((line) => el('p', {}, line)));
  show(box, true);
  box.focus();
}

function clearRefusal() {
  const box = byId('decide-error');
  box.replaceChildren();
  show(box, false);
}

/** After a decision the buttons may be gone: focus goes to the sentence saying what happened. */
function announceResult(text) {
  const result = byId('decision-result');
  result.textContent = text;
  result.setAttribute('tabindex', '-1');
  result.focus();
}

async function decide(decision, button) {
  clearRefusal();
  byId('decision-result').textContent = '';
  await withProgress(button, decision === 'approve' ? 'Recording your approval…' : 'Recording your request for changes…', () => recordDecision(decision));
}

async function recordDecision(decision) {
  try {
    const form = new FormData();
    form.append('document', new Blob([await readDocument()], { type: DocxType }), 'The open document.docx');
    form.append('decision', decision);
    const comment = (/** @type {HTMLTextAreaElement} */ (byId('review-comment'))).value;
    if (comment.trim() !== '') form.append('comment', comment);
    const workflow = await state.api.decide(state.draftId, form);
    typedComment.clear();
    (/** @type {HTMLTextAreaElement} */ (byId('review-comment'))).value = '';
    const number = state.review.current.number;
    await load();
    announceResult(decision === 'approve'
      ? `You approved version ${number}. ${whereItIs(workflow)}`
      : `You asked for changes to version ${number}. ${whereItIs(workflow)}`);
  } catch (error) {
    showRefusal(error);
  }
}

/** The approver's own edits in Word become the next version; the server says where the chain starts again. */
async function submitEdits(button) {
  clearRefusal();
  byId('decision-result').textContent = '';
  await withProgress(button, 'Submitting your changes as a new version…', submitTheEdits);
}

async function submitTheEdits() {
  try {
    const number = state.review.current.number;
    const workflow = await state.api.submitEdits(state.draftId, await readDocument());
    await load();
    await checkEdits();
    announceResult(`Your changes are version ${workflow.versions.at(-1).number}; the decisions on version ${number} are void. ${whereItIs(workflow)}`);
  } catch (error) {
    showRefusal(error);
  }
}
