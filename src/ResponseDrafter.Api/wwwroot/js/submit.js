// The drafter's sign-off section: where the draft is in sign-off, the comments on it, and submitting it. Submitting
// freezes what the server has saved as a numbered version and sends it to the first stage of the approval chain.
import { showFinishing } from './dispatch.js';
import { decisionList, isWithApprovers, whereItIs } from './signoff.js';
import { busy, byId, clearError, el, show as reveal, showError } from './ui.js';

const Submittable = new Set(['drafting', 'changes-requested']);
const Signed = new Set(['approved', 'dispatched', 'published']);

/**
 * Wires the Submit button once. `drafter` is the drafter's state ({ api, draft, etag, … }), read at click time;
 * `pending()` names the items with typed text not yet saved.
 */
export function wire(drafter, pending, saveWordFirst) {
  byId('submit').addEventListener('click', () => submit(drafter, pending, saveWordFirst));
}

/** Shows where the drafter's open draft is in sign-off and, once it is approved, its dispatch and publication. */
export async function show(drafter) {
  const workflow = await drafter.api.workflow(drafter.draft.id);
  render(workflow);
  await showFinishing(drafter, workflow, render);
}

function render(workflow) {
  const standing = workflow.decisions.filter((d) => !d.voidedAt && d.version === workflow.versions.at(-1)?.number);
  const lines = [el('p', { class: 'sign-off-where' }, whereItIs(workflow))];
  if (standing.length > 0) lines.push(decisionList(standing));
  byId('sign-off-state').replaceChildren(...lines);
  const button = /** @type {FluentControl} */ (byId('submit'));
  button.disabled = !Submittable.has(workflow.state);
  // Once approved, dispatch is the step's one primary button: Submit has nothing left to do and goes.
  const signed = Signed.has(workflow.state);
  reveal(button, !signed);
  reveal(byId('submit-note'), !signed);
  byId('submit-note').textContent = isWithApprovers(workflow.state)
    ? 'It is with its approvers. Editing the draft withdraws the submission; submit it again afterwards.'
    : button.disabled
      ? 'It has been approved, so there is nothing to submit.'
      : 'Submitting saves the document as it is in Word and sends exactly that, as a new numbered version, to the first stage of the approval chain.';
}

async function submit(drafter, pending, saveWordFirst) {
  clearError();
  const result = byId('submit-result');
  result.textContent = '';
  const unsaved = pending();
  if (unsaved.length > 0) {
    showError({
      message: 'Save what you typed first: the version sent for sign-off is what the server has saved. Not saved yet:',
      details: unsaved,
    });
    return;
  }

  const button = byId('submit');
  busy(button, true);
  try {
    // The version is the document as it stands: what was written in Word goes to the server before it is frozen.
    await saveWordFirst();
    const { data: workflow, etag } = await drafter.api.submit(drafter.draft.id, drafter.etag);
    drafter.etag = etag;
    drafter.draft.version = workflow.version;
    busy(button, false);
    render(workflow);
    result.textContent = `Submitted for sign-off. ${whereItIs(workflow)}`;
  } catch (caught) {
    const error = /** @type {import('./api.js').ApiError} */ (caught);
    busy(button, false);
    // The letter's problems name their recommendation already ("Recommendation 2: line 1: …"); the field paths add nothing.
    const problems = Object.values(error.fields ?? {}).flat();
    const gaps = (error.problem?.gaps ?? []).map((gap) => gap.message);
    showError({ message: error.message, details: [...problems, ...gaps] });
  }
}
