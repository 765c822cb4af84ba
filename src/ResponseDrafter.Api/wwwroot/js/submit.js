// The drafter's sign-off section: where the draft is in sign-off, the comments on it, and submitting it. Submitting
// freezes what the server has saved as a numbered version and sends it to the first stage of the approval chain. Before
// that, the accessibility check on the saved document is shown under the button; its errors stop submission.
import { findingsView } from './accessibility-check.js';
import { showFinishing } from './dispatch.js';
import { decisionList, isWithApprovers, whereItIs } from './signoff.js';
import { byId, clearErrorAt, el, show as reveal, showErrorAt, withProgress } from './ui.js';

const Submittable = new Set(['drafting', 'changes-requested']);
const Signed = new Set(['approved', 'dispatched', 'published']);

/**
 * Wires the Submit button once. `drafter` is the drafter's state ({ api, draft, etag, … }), read at click time;
 * `pending()` names the items with typed text not yet saved.
 */
export function wire(drafter, pending, saveWordFirst) {
  byId('submit').addEventListener('click', () => submit(drafter, pending, saveWordFirst));
  byId('submit-result').after(el('div', { id: 'submit-accessibility', class: 'drafting-only', role: 'region', 'aria-label': 'Accessibility check' }));
}

/** Shows where the drafter's open draft is in sign-off and, once it is approved, its dispatch and publication. */
export async function show(drafter) {
  const workflow = await drafter.api.workflow(drafter.draft.id);
  render(workflow);
  await Promise.all([showAccessibility(drafter, workflow), showFinishing(drafter, workflow, render)]);
}

/** While the draft can be submitted: what the accessibility check finds in the document as the server last saved it. */
async function showAccessibility(drafter, workflow) {
  const region = byId('submit-accessibility');
  if (!Submittable.has(workflow.state)) {
    region.replaceChildren();
    return;
  }
  try {
    const check = await drafter.api.accessibility(drafter.draft.id);
    region.replaceChildren(...findingsView(check.findings));
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    region.replaceChildren(el('p', { class: 'hint' }, `The accessibility check could not be run now (${reason}); submitting runs it again.`));
  }
}

/** The workflow last shown: the next version's number comes from it. */
let shown = null;

function render(workflow) {
  shown = workflow;
  const standing = workflow.decisions.filter((d) => !d.voidedAt && d.version === workflow.versions.at(-1)?.number);
  const lines = [el('p', { class: 'sign-off-where' }, whereItIs(workflow))];
  if (standing.length > 0) lines.push(decisionList(standing));
  byId('sign-off-state').replaceChildren(...lines);
  const button = /** @type {HTMLButtonElement} */ (byId('submit'));
  button.disabled = !Submittable.has(workflow.state);
  // Once submitted, the check has done its work: the version with approvers passed it.
  if (button.disabled) document.getElementById('submit-accessibility')?.replaceChildren();
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
  const button = byId('submit');
  clearErrorAt(button);
  const result = byId('submit-result');
  result.textContent = '';
  const unsaved = pending();
  if (unsaved.length > 0) {
    showErrorAt(button, {
      message: 'Save what you typed first: the version sent for sign-off is what the server has saved. Not saved yet:',
      details: unsaved,
    });
    return;
  }

  const next = (shown?.versions.at(-1)?.number ?? 0) + 1;
  let refusal = null;
  await withProgress(button, `Submitting version ${next} for sign-off…`, async () => {
    try {
      // The version is the document as it stands: what was written in Word goes to the server before it is frozen.
      await saveWordFirst();
      const { data: workflow, etag } = await drafter.api.submit(drafter.draft.id, drafter.etag);
      drafter.etag = etag;
      drafter.draft.version = workflow.version;
      render(workflow);
      result.textContent = `Submitted for sign-off. ${whereItIs(workflow)}`;
    } catch (caught) {
      refusal = /** @type {import('./api.js').ApiError} */ (caught);
    }
  });
  if (refusal) {
    // The letter's problems name their recommendation already ("Recommendation 2: line 1: …"); the field paths add nothing.
    const problems = Object.values(refusal.fields ?? {}).flat();
    const gaps = (refusal.problem?.gaps ?? []).map((gap) => gap.message);
    /** @type {import('./accessibility-check.js').Finding[]} */
    const findings = refusal.problem?.accessibility ?? [];
    // Beside the button, what stops it; below it, each finding with where it is and how to fix it in Word.
    const inaccessible = findings.filter((f) => f.severity === 'error').map((f) => `${f.where}: ${f.message}`);
    if (findings.length > 0) byId('submit-accessibility').replaceChildren(...findingsView(findings));
    showErrorAt(button, { message: refusal.message, details: [...problems, ...gaps, ...inaccessible] });
  }
}
