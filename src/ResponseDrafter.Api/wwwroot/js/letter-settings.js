// The letter-level settings, on their own folded panel: who the letter goes to, its references, its salutation and the
// copy list's label.
// The rest of the letter (opening, context, closing…) is written in the document.
import { showFieldErrors } from './item-panel.js';
import { SaveDeclined } from './session.js';
import { byId, el, withProgress } from './ui.js';

const input = (id, label, value, field, readOnly) => el('div', { class: 'field' },
  el('label', { for: id }, label),
  el('input', { type: 'text', id, value: value ?? '', 'data-field': field, readonly: readOnly }));

function referenceRow(reference, i, readOnly) {
  return el('fieldset', { class: 'reference', 'data-row': 'reference' },
    el('legend', {}, `Reference ${i + 1}`),
    input(`letter-ref-${i}-label`, 'Label (e.g. Our ref)', reference.label, `references[${i}].label`, readOnly),
    input(`letter-ref-${i}-value`, 'Value', reference.value, `references[${i}].value`, readOnly));
}

function recipientRow(recipient, i, readOnly) {
  return el('fieldset', { class: 'recipient', 'data-row': 'recipient' },
    el('legend', {}, `Recipient ${i + 1}`),
    input(`letter-recipient-${i}-name`, 'Name', recipient.name, `recipients[${i}].name`, readOnly),
    input(`letter-recipient-${i}-title`, 'Title', recipient.title, `recipients[${i}].title`, readOnly),
    el('div', { class: 'field' },
      el('label', { for: `letter-recipient-${i}-address` }, 'Address (one line each)'),
      el('textarea', { id: `letter-recipient-${i}-address`, rows: 3, 'data-field': `recipients[${i}].addressLines`, readonly: readOnly, value: (recipient.addressLines ?? []).join('\n') })),
    input(`letter-recipient-${i}-email`, 'Email', recipient.email, `recipients[${i}].email`, readOnly));
}

const valueOf = (id) => (/** @type {HTMLInputElement | HTMLTextAreaElement} */ (byId(id))).value.trim();

/** What the panel holds, in the shape PUT /api/drafts/{id} takes (with the rest of the letter as the draft has it). */
function letterFrom(panel, letter) {
  const references = [...panel.querySelectorAll('[data-row="reference"]')].map((_, i) => ({ label: valueOf(`letter-ref-${i}-label`), value: valueOf(`letter-ref-${i}-value`) }))
    .filter((r) => r.label !== '' || r.value !== '');
  const recipients = [...panel.querySelectorAll('[data-row="recipient"]')].map((_, i) => ({
    name: valueOf(`letter-recipient-${i}-name`),
    title: valueOf(`letter-recipient-${i}-title`) || null,
    addressLines: valueOf(`letter-recipient-${i}-address`).split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    email: valueOf(`letter-recipient-${i}-email`) || null,
  })).filter((r) => r.name !== '' || r.addressLines.length > 0);
  return { ...letter, references, recipients, salutation: valueOf('letter-salutation'), copyListLabel: valueOf('letter-copy-list-label') };
}

/**
 * Renders the settings into #letter-settings-body from the session's draft; Save sends them as one change.
 * @param {import('./session.js').DraftSession} session
 * @param {{ canDraft: boolean }} options
 */
export function renderLetterSettings(session, { canDraft }) {
  const readOnly = !canDraft;
  const { letter } = session.draft;
  const body = byId('letter-settings-body');
  const references = el('div', {}, letter.references.map((r, i) => referenceRow(r, i, readOnly)));
  const recipients = el('div', {}, letter.recipients.map((r, i) => recipientRow(r, i, readOnly)));
  const result = el('p', { id: 'letter-settings-result', class: 'save-result', role: 'status' });
  const save = el('fluent-button', { id: 'letter-settings-save', class: 'drafting-only', on: { click: () => saveSettings() } }, 'Save the letter settings');

  async function saveSettings() {
    result.textContent = '';
    await withProgress(save, 'Saving the letter settings…', async () => {
      try {
        await session.change((draft, etag) => session.api.putLetter(draft.id, letterFrom(body, draft.letter), etag));
        result.textContent = 'Letter settings saved.';
      } catch (error) {
        if (error instanceof SaveDeclined) result.textContent = error.message;
        else showFieldErrors(body, error, save);
      }
    });
  }

  body.replaceChildren(
    input('letter-salutation', 'Salutation', letter.salutation, 'salutation', readOnly),
    input('letter-copy-list-label', 'Copy list label (e.g. cc: or Copied to:)', letter.copyListLabel, 'copyListLabel', readOnly),
    el('h3', {}, 'Recipients'),
    recipients,
    el('button', { type: 'button', class: 'link-button drafting-only', on: { click: () => recipients.append(recipientRow({}, recipients.children.length, false)) } }, 'Add a recipient'),
    el('h3', {}, 'References'),
    references,
    el('button', { type: 'button', class: 'link-button drafting-only', on: { click: () => references.append(referenceRow({}, references.children.length, false)) } }, 'Add a reference'),
    el('div', { class: 'actions' }, save),
    result);
}
