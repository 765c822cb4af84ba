// One item's small panel, opened from the navigator: its status and "no action" reason, the force's assurance (folded
// away), and the commentary where the letter is not in Word yet (in Word the drafter writes it in the document).
// Changes save as they are made; typed text waits in this tab's session storage until the server has it.
import { headingOf, itemOf, safeId } from './report.js';
import { SaveDeclined } from './session.js';
import { clearErrorAt, el, formatDate, show, showErrorAt, withProgress } from './ui.js';

const Statuses = [
  ['action-taken', 'Action taken'],
  ['action-proposed', 'Action proposed'],
  ['no-action', 'No action will be taken'],
];
const Presentations = [
  ['quoted-in-full', 'Quoted in full'],
  ['summarised', 'Summarised (full text in the annex)'],
  ['annex-only', 'In the annex only'],
];
const TypingPause = 1200;

export const fieldId = (ref, field) => `item-${safeId(ref)}-${field}`;

/** Typed text the server does not have yet, per draft, item and field; it survives a failed save and a reload. */
export const unsaved = {
  key: (draftId, ref, field) => `responsedrafter.unsaved.${draftId}.${ref}.${field}`,
  get: (draftId, ref, field) => sessionStorage.getItem(unsaved.key(draftId, ref, field)),
  set: (draftId, ref, field, value) => sessionStorage.setItem(unsaved.key(draftId, ref, field), value),
  clear: (draftId, ref, fields) => fields.forEach((field) => sessionStorage.removeItem(unsaved.key(draftId, ref, field))),
  /** The refs of the items with typed text not yet saved. */
  refs(draftId) {
    const prefix = `responsedrafter.unsaved.${draftId}.`;
    return [...new Set(Object.keys(sessionStorage).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length, k.lastIndexOf('.'))))];
  },
};

/** A native text area: its hint reaches screen readers through aria-describedby, which a Fluent text area's shadow root blocks. */
function textArea(id, label, value, { hint = null, field, onInput, readOnly }) {
  const hintId = hint ? `${id}-hint` : null;
  return el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('textarea', { id, rows: 3, 'data-field': field, 'aria-describedby': hintId, readonly: readOnly, value: value ?? '', on: onInput }),
    hint ? el('p', { id: hintId, class: 'hint' }, hint) : null);
}

function radios(id, label, options, chosen, { field, onChange, readOnly }) {
  return el('fieldset', { id, class: 'choices', 'data-field': field },
    el('legend', {}, label),
    options.map(([value, text]) => el('label', {},
      el('input', { type: 'radio', name: id, value, checked: chosen === value, disabled: readOnly, on: { change: () => onChange(value) } }),
      ` ${text}`)));
}

function provenance(assurance) {
  if (!assurance) return el('p', { class: 'hint' }, 'No assurance from the force yet.');
  const p = assurance.provenance;
  const from = p.sourceFileName ? ` from the file ${p.sourceFileName}` : '';
  return el('p', { class: 'provenance' }, `Saved: supplied by ${p.suppliedBy}, received ${formatDate(p.receivedOn)}${from}. In the letter it is locked against editing.`);
}

const checkedIn = (fieldset) => /** @type {HTMLInputElement | null} */ (fieldset.querySelector('input:checked'))?.value ?? null;
const textOf = (element) => {
  const value = /** @type {HTMLTextAreaElement | HTMLInputElement | null} */ (element)?.value ?? '';
  return value.trim() === '' ? null : value;
};

/**
 * The panel for one item, as an element to place under its row in the navigator.
 * @param {import('./session.js').DraftSession} session
 * @param {{ ref: string, writesInWord: boolean, canDraft: boolean, onGoToDocument: (() => void) | null }} options
 */
export function itemPanel(session, { ref, writesInWord, canDraft, onGoToDocument }) {
  const draftId = session.draft.id;
  const item = itemOf(session.report, ref);
  const saved = session.draft.responses.find((r) => r.ref === ref) ?? { commentary: null, status: null, reason: null, assurance: null };
  const kept = (field, value) => unsaved.get(draftId, ref, field) ?? value;
  const readOnly = !canDraft;
  const result = el('p', { id: fieldId(ref, 'result'), class: 'save-result', role: 'status' });
  let typing = 0;

  const typed = (field) => ({
    input: (event) => {
      unsaved.set(draftId, ref, field, event.target.value);
      result.textContent = '';
      clearTimeout(typing);
      typing = window.setTimeout(() => save(), TypingPause);
    },
    change: () => save(),
  });

  const commentary = writesInWord ? null : textArea(fieldId(ref, 'commentary'), "Commentary (the commissioner's own words)", kept('commentary', saved.commentary),
    { field: 'commentary', onInput: typed('commentary'), readOnly });
  const status = radios(fieldId(ref, 'status'), 'Status', Statuses, kept('status', saved.status), {
    field: 'status',
    readOnly,
    onChange: (value) => {
      unsaved.set(draftId, ref, 'status', value);
      show(reasonField, value === 'no-action' || Boolean(textOf(reasonArea())));
      save();
    },
  });
  const reasonField = textArea(fieldId(ref, 'reason'), 'Reason no action will be taken', kept('reason', saved.reason), {
    field: 'reason', onInput: typed('reason'), readOnly, hint: 'The law asks why, when no action will be taken. Say it in a sentence or two.',
  });
  const reasonArea = () => reasonField.querySelector('textarea');
  show(reasonField, kept('status', saved.status) === 'no-action' || Boolean(kept('reason', saved.reason)));

  // Text the server refused, per field: it is not sent again until it is changed (the rest of the response still goes).
  const refused = new Map();
  let saving = Promise.resolve();
  function save() {
    if (readOnly) return saving;
    clearTimeout(typing);
    saving = saving.then(() => saveResponse());
    return saving;
  }

  async function saveResponse() {
    const fields = ['commentary', 'status', 'reason'];
    const sent = {
      status: checkedIn(status),
      reason: textOf(reasonArea()),
      commentary: commentary ? textOf(commentary.querySelector('textarea')) : undefined,
    };
    const held = fields.filter((f) => refused.has(f) && sent[f] !== undefined && (sent[f] ?? null) === refused.get(f));
    if (!fields.some((f) => !held.includes(f) && unsaved.get(draftId, ref, f) !== null)) return;
    result.textContent = 'Saving…';
    result.classList.remove('not-saved');
    // In Word the commentary is what the document's region holds, which the server has just read back; a held field
    // keeps what the server has.
    const onServer = (draft, field) => draft.responses.find((r) => r.ref === ref)?.[field] ?? null;
    const value = (draft, field) => (sent[field] === undefined || held.includes(field) ? onServer(draft, field) : sent[field]);
    try {
      await session.change((draft, etag) => session.api.putResponse(draft.id, ref, {
        commentary: value(draft, 'commentary'),
        status: value(draft, 'status'),
        reason: value(draft, 'reason'),
      }, etag));
      // Only what was sent is cleared: anything typed while it was on its way waits for the next save.
      for (const field of fields) {
        const now = unsaved.get(draftId, ref, field);
        if (now === null || held.includes(field)) continue;
        const wasSent = field === 'commentary' && !commentary ? true : (now.trim() === '' ? null : now) === (sent[field] ?? null);
        if (wasSent) unsaved.clear(draftId, ref, [field]);
      }
      // A refusal stays beside its field until a save goes through (taking it away sooner moves what is being clicked).
      panel.querySelectorAll('[data-field]').forEach((control) => {
        if (!held.includes(/** @type {HTMLElement} */ (control).dataset.field)) clearErrorAt(/** @type {HTMLElement} */ (control));
      });
      for (const field of fields) if (!held.includes(field)) refused.delete(field);
      result.textContent = held.length > 0
        ? `${headingOf(session.report, ref)}: the rest is saved; the ${held.join(' and ')} marked above is not, and is kept here until you change it.`
        : `Response to ${headingOf(session.report, ref)} saved.`;
      if (held.length > 0) result.classList.add('not-saved');
    } catch (error) {
      result.textContent = error instanceof SaveDeclined ? error.message : 'Not saved: your text is kept here.';
      result.classList.add('not-saved');
      if (!(error instanceof SaveDeclined)) {
        for (const name of Object.keys((/** @type {import('./api.js').ApiError} */ (error)).fields ?? {})) {
          const field = name.split('.').at(-1).replace(/\[\d+\]$/, '');
          if (field in sent) refused.set(field, sent[field] ?? null);
        }
        showFieldErrors(panel, error, status);
      }
    }
  }

  const assurance = saved.assurance;
  const assuranceBox = el('details', { class: 'assurance', open: unsaved.get(draftId, ref, 'assurance') !== null },
    el('summary', {}, assurance ? "The force's assurance (saved)" : "The force's assurance"),
    provenance(assurance),
    textArea(fieldId(ref, 'assurance'), 'Assurance text (paste it here)', kept('assurance', assurance?.text), {
      field: 'text',
      readOnly,
      hint: "Paste the chief constable's text for this item, word for word.",
      onInput: { input: (event) => unsaved.set(draftId, ref, 'assurance', event.target.value) },
    }),
    el('div', { class: 'field' },
      el('label', { for: fieldId(ref, 'suppliedBy') }, 'Supplied by (name and role)'),
      el('input', {
        type: 'text', id: fieldId(ref, 'suppliedBy'), 'data-field': 'suppliedBy', readonly: readOnly, value: kept('suppliedBy', assurance?.provenance.suppliedBy) ?? '',
        on: { input: (event) => unsaved.set(draftId, ref, 'suppliedBy', event.target.value) },
      })),
    radios(fieldId(ref, 'presentation'), 'How the letter shows it', Presentations, assurance?.presentation ?? 'quoted-in-full', { field: 'presentation', readOnly, onChange: () => {} }),
    textArea(fieldId(ref, 'summary'), 'Summary (when summarised)', assurance?.summary, { field: 'summary', readOnly, onInput: {} }),
    el('label', { for: fieldId(ref, 'file'), class: 'file-label drafting-only' }, "Or attach the force's file (.txt or .md)"),
    el('input', { type: 'file', id: fieldId(ref, 'file'), class: 'drafting-only', disabled: readOnly, accept: '.txt,.md,text/plain,text/markdown' }),
    el('fluent-button', { id: fieldId(ref, 'save-assurance'), class: 'drafting-only', on: { click: (event) => saveAssurance(event.currentTarget) } }, 'Save assurance'));

  async function saveAssurance(button) {
    const value = (field) => textOf(panel.querySelector(`#${fieldId(ref, field)}`));
    const presentation = checkedIn(panel.querySelector(`#${fieldId(ref, 'presentation')}`)) ?? 'quoted-in-full';
    const file = (/** @type {HTMLInputElement} */ (panel.querySelector(`#${fieldId(ref, 'file')}`))).files[0];
    panel.querySelectorAll('[data-field]').forEach((control) => clearErrorAt(/** @type {HTMLElement} */ (control)));
    await withProgress(button, 'Saving the assurance…', async () => {
      try {
        await session.change((draft, etag) => {
          if (!file) return session.api.putAssurance(draft.id, ref, { text: value('assurance'), suppliedBy: value('suppliedBy'), presentation, summary: value('summary') }, etag);
          const form = new FormData();
          form.append('file', file);
          form.append('suppliedBy', value('suppliedBy') ?? '');
          form.append('presentation', presentation);
          if (value('summary')) form.append('summary', value('summary'));
          return session.api.uploadAssurance(draft.id, ref, form, etag);
        });
        unsaved.clear(draftId, ref, ['assurance', 'suppliedBy']);
        result.textContent = `Assurance for ${headingOf(session.report, ref)} saved.`;
      } catch (error) {
        if (error instanceof SaveDeclined) result.textContent = error.message;
        else showFieldErrors(panel, error, button);
      }
    });
  }

  const panel = el('section', { id: 'item-panel', class: 'item-panel', 'aria-labelledby': fieldId(ref, 'heading') },
    el('h3', { id: fieldId(ref, 'heading'), tabindex: '-1' }, item.heading),
    el('details', { class: 'item-text' }, el('summary', {}, 'Its text'), el('p', { class: 'verbatim' }, item.text)),
    writesInWord
      ? el('p', { class: 'hint' }, "Write the commissioner's response in the document, in this item's section: the pane saves it as you write.")
      : null,
    onGoToDocument ? el('button', { type: 'button', class: 'link-button', on: { click: onGoToDocument } }, 'Go to it in the document') : null,
    commentary,
    status,
    reasonField,
    assuranceBox,
    result);
  return panel;
}

/** A refusal shown beside the fields it names (the first one focused), or else beside `fallback`. */
export function showFieldErrors(container, error, fallback) {
  const fields = Object.entries(error?.fields ?? {});
  let first = null;
  for (const [field, reasons] of fields) {
    // "responses[0].commentary" names the commentary; the letter's own paths end in the field's name.
    const root = field.split('.').at(-1).replace(/\[\d+\]$/, '');
    const control = container.querySelector(`[data-field="${CSS.escape(field)}"]`) ?? container.querySelector(`[data-field="${CSS.escape(root)}"]`);
    if (!control) continue;
    showErrorAt(/** @type {HTMLElement} */ (control), { message: reasons.join(' ') });
    first ??= control;
  }
  if (first) /** @type {HTMLElement} */ (first).focus();
  else showErrorAt(fallback, error);
}
