// Sign-off in words, shared by the drafter, the approver and the board: states, where a draft is, and decisions.
import { el, formatDate } from './ui.js';

/** The API's draft states (kebab-case) as the screens name them. */
export const StateNames = {
  drafting: 'Drafting',
  'in-review': 'In review',
  'awaiting-approval': 'Awaiting approval',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  dispatched: 'Dispatched',
  published: 'Published',
};

const WithApprovers = new Set(['in-review', 'awaiting-approval']);

export function isWithApprovers(state) {
  return WithApprovers.has(state);
}

/** "Avery Approver", "Avery Approver and Alex Mercer", "A, B and C". */
export function names(people) {
  const all = people.map((p) => (typeof p === 'string' ? p : p.name));
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** The due date of the stage the draft is at, from its schedule, or null. */
export function dueOn(workflow) {
  return workflow.schedule?.find((s) => s.stage === workflow.stage)?.dueOn ?? null;
}

/** Where the draft is in sign-off and who holds it, in one sentence, from a WorkflowDto. */
export function whereItIs(workflow) {
  const latest = workflow.versions.at(-1);
  switch (workflow.state) {
    case 'in-review':
    case 'awaiting-approval': {
      const due = dueOn(workflow);
      return `Version ${latest.number} is with ${names(workflow.holders)} (${workflow.stageName})${due ? `, due ${formatDate(due)}` : ''}.`;
    }
    case 'changes-requested':
      return `Changes were requested to version ${latest.number}: it is back with ${names(workflow.holders)}. Edit the draft, then submit it again.`;
    case 'approved':
      return `Version ${workflow.final?.approvedVersion ?? latest.number} is approved and signed; ${workflow.dispatch ? 'it is being sent.' : 'it can now be dispatched.'}`;
    case 'dispatched':
      return 'The signed letter has been sent to the Home Office and HM Chief Inspector; record where it is published.';
    case 'published':
      return 'The response has been published.';
    default:
      return latest
        ? `Being drafted again since version ${latest.number} was submitted: submit it when it is ready.`
        : 'Not submitted yet.';
  }
}

/**
 * What must happen next to a response, in a few words, from a draft summary ({ state, stageName, dispatchRequestedAt })
 * or null for a report no one has started.
 */
export function nextAction(draft) {
  if (!draft) return 'Start the response';
  switch (draft.state) {
    case 'in-review':
    case 'awaiting-approval':
      return `Approve (${draft.stageName ?? 'the approvers'})`;
    case 'changes-requested':
      return 'Make the changes, then submit again';
    case 'approved':
      return draft.dispatchRequestedAt ? 'Being sent' : 'Dispatch';
    case 'dispatched':
      return 'Record publication';
    case 'published':
      return 'Done';
    default:
      return 'Submit for sign-off';
  }
}

const DecisionNames = { approved: 'Approved', 'changes-requested': 'Changes requested' };

/** "Changes requested by Avery Approver (Head of policy) on version 1, 3 March 2026", with a deputy and a void named. */
function decisionLine(decision) {
  const onBehalf = decision.onBehalfOf ? ` for ${decision.onBehalfOf.name}` : '';
  const voided = decision.voidedAt ? ' (no longer stands: the draft changed afterwards)' : '';
  return `${DecisionNames[decision.kind] ?? decision.kind} by ${decision.by.name}${onBehalf} (${decision.stageName}) `
    + `on version ${decision.version}, ${formatDate(decision.at.slice(0, 10))}${voided}`;
}

/** The decisions as a list, each with its comment quoted as the approver wrote it. */
export function decisionList(decisions) {
  return el('ul', { class: 'decisions' }, decisions.map((d) => el('li', {},
    el('p', {}, decisionLine(d)),
    d.comment ? el('blockquote', { class: 'comment' }, d.comment) : null)));
}
