// The approver's screen, for a document that carries a draft: its stage and version, what changed since the approver's
// last look, the decisions so far, and Approve / Request changes. A decision carries the open document's exact bytes:
// the server checks they are the submitted version (identity and text) and binds the decision to the version's hash.
import { decisionList, StateNames, whereItIs } from './signoff.js';
import { busy, byId, clearError, el, formatDate, show, showError } from './ui.js';
import * as word from './word.js';

const DocxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ChangeLabels = { added: 'Added: ', removed: 'Removed: ' };

const state = { api: null, draftId: null, review: null };

/** Typed comments survive a refused decision and a reload, until the server has them. */
const typedComment = {
  key: () => `responsedrafter.unsaved.review.${state.draftId}`,
  get: () => sessionStorage.getItem(typedComment.key()) ?? '',
  set: (value) => sessionStorage.setItem(typedComment.key(), value),
  clear: () => sessionStorage.removeItem(typedComment.key()),
};

/** Shows the review of the draft the open document carries. */
export async function showReview(api, draftId) {
  state.api = api;
  state.draftId = draftId;
  const comment = /** @type {FluentControl} */ (byId('review-comment'));
  comment.value = typedComment.get();
  comment.addEventListener('input', () => typedComment.set(comment.value));
  byId('approve').addEventListener('click', (event) => decide('approve', event.currentTarget));
  byId('request-changes').addEventListener('click', (event) => decide('request-changes', event.currentTarget));
  byId('submit-edits').addEventListener('click', (event) => submitEdits(event.currentTarget));
  await load();
  show(byId('review'), true);
  byId('review-heading').focus();
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

async function decide(decision, button) {
  clearError();
  const result = byId('decision-result');
  result.textContent = '';
  busy(button, true);
  try {
    const form = new FormData();
    form.append('document', new Blob([await word.documentFile()], { type: DocxType }), 'The open document.docx');
    form.append('decision', decision);
    const comment = (/** @type {FluentControl} */ (byId('review-comment'))).value;
    if (comment.trim() !== '') form.append('comment', comment);
    const workflow = await state.api.decide(state.draftId, form);
    typedComment.clear();
    (/** @type {FluentControl} */ (byId('review-comment'))).value = '';
    const number = state.review.current.number;
    result.textContent = decision === 'approve'
      ? `You approved version ${number}. ${whereItIs(workflow)}`
      : `You asked for changes to version ${number}. ${whereItIs(workflow)}`;
    await load();
  } catch (error) {
    showError(error);
  } finally {
    busy(button, false);
  }
}

/** The approver's own edits in Word become the next version; the server says where the chain starts again. */
async function submitEdits(button) {
  clearError();
  const result = byId('decision-result');
  result.textContent = '';
  busy(button, true);
  try {
    const number = state.review.current.number;
    const workflow = await state.api.submitEdits(state.draftId, await word.documentFile());
    result.textContent = `Your changes are version ${workflow.versions.at(-1).number}; the decisions on version ${number} are void. ${whereItIs(workflow)}`;
    await load();
  } catch (error) {
    showError(error);
  } finally {
    busy(button, false);
  }
}
