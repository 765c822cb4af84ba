// Who answers a recommendation that names no addressee, or only "the police" or "government": the drafter's four choices
// as a native radio group (fieldset and legend), used on the import screen and on a report's card.
import { el } from './ui.js';

/** The values the API takes in decidedAddressee, with the words the drafter sees. */
export const AddresseeChoices = [
  ['force', 'The force: the chief constable answers it'],
  ['commissioner', 'The commissioner answers it'],
  ['both', 'Both the force and the commissioner'],
  ['noted', 'Noted only: not answered in the letter'],
];

/**
 * One question: its plain words as the legend, the four choices, the saved decision (if any) chosen.
 * @param {string} id the fieldset's id, also the radios' name
 * @param {{ question: string, decided?: string | null }} question
 */
export function addresseeChoice(id, question) {
  return el('fieldset', { id, class: 'addressee-question' },
    el('legend', {}, question.question),
    AddresseeChoices.map(([value, label]) => el('label', { class: 'check' },
      el('input', { type: 'radio', name: id, id: `${id}-${value}`, value, checked: question.decided === value }), ` ${label}`)));
}

/** The choice made in the group with this id; null when none is chosen (or the group is not on the page). */
export function chosenAddressee(id) {
  const chosen = /** @type {HTMLInputElement | null} */ (document.querySelector(`input[type=radio][name="${id}"]:checked`));
  return chosen ? chosen.value : null;
}
