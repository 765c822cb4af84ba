// The force's Word document into a draft: upload it → each recommendation with the sections proposed as its answer and
// why, the sections left over, and what a revised document changed → the drafter's choice → the assurance filled in.
import { itemOf as reportItem, safeId } from './report.js';
import { announce, byId, clearError, clearErrorAt, el, formatDate, show, showErrorAt, withProgress } from './ui.js';

const Confidence = { high: 'high confidence', medium: 'medium confidence', low: 'low confidence: check it' };

/** "Recommendation 2" and its verbatim text, for a ref of the report ("2", "6c"). */
function itemOf(report, ref) {
  const item = reportItem(report, ref);
  return item ? { title: item.heading, text: item.text } : { title: `Recommendation ${ref}`, text: '' };
}

const headingOf = (section) => (section.heading.trim() === '' ? 'Text before the first heading' : section.heading);

/**
 * Shows the screen in #import-assurance for the draft. beforeImport() runs just before the import is sent (it saves what
 * was written in Word) and gives the draft's ETag to send with it; onImported({ data, etag }, refs) runs once the
 * assurance is saved; onClose() when the drafter goes back without importing.
 */
export function openAssuranceImport(api, { draft, etag, report }, { beforeImport, onImported, onClose }) {
  const section = byId('import-assurance');
  const suppliedKey = `responsedrafter.import.${draft.id}.suppliedBy`;
  const screen = { api, draft, etag, report, suppliedKey, beforeImport, onImported, file: null, preview: null, compareTimer: null, compared: 0 };
  const mapping = el('div', { id: 'assurance-mapping', hidden: true });
  const readButton = el('fluent-button', { id: 'assurance-read', appearance: 'accent', on: { click: () => read(screen, readButton, mapping) } },
    'Read the document');
  section.replaceChildren(
    el('h1', { id: 'import-assurance-heading', tabindex: '-1' }, "Import the force's Word document"),
    el('p', { class: 'report-title' }, report.title),
    el('p', {}, "Upload the chief constable's response. Its sections are matched to the recommendations this letter answers; " +
      'you check the matches before anything is saved.'),
    el('label', { for: 'assurance-file', class: 'file-label' }, "The force's Word document (.docx)"),
    el('input', { type: 'file', id: 'assurance-file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    el('fluent-text-field', {
      id: 'assurance-supplied-by',
      value: sessionStorage.getItem(suppliedKey) ?? '',
      on: { input: (event) => sessionStorage.setItem(suppliedKey, event.target.value) },
    }, 'Supplied by (name and role)'),
    el('div', { class: 'actions' },
      readButton,
      el('fluent-button', { appearance: 'stealth', on: { click: () => close(onClose) } }, 'Back to the draft')),
    mapping);
  clearError();
  show(byId('draft'), false);
  show(section, true);
  byId('import-assurance-heading').focus();
}

function close(then) {
  clearError();
  show(byId('import-assurance'), false);
  then();
}

async function read(screen, button, mapping) {
  clearError();
  clearErrorAt(button);
  const file = (/** @type {HTMLInputElement} */ (byId('assurance-file'))).files[0];
  if (!file) {
    showErrorAt(button, "Choose the force's Word document (.docx) first.");
    return;
  }
  let refusal = null;
  await withProgress(button, `Reading ${file.name}…`, async () => {
    try {
      const form = new FormData();
      form.append('file', file);
      screen.preview = await screen.api.previewAssuranceImport(screen.draft.id, form);
      screen.file = file;
      renderMapping(screen, mapping);
      announce(`${screen.preview.sections.length} sections read from ${screen.preview.fileName}. Check the matches, then fill in the assurance.`);
      byId('assurance-mapping-heading').focus();
    } catch (error) {
      show(mapping, false);
      refusal = error;
    }
  });
  // Beside the button, once it is itself again: focused and read out.
  if (refusal) showErrorAt(button, refusal);
}

function sectionBox(ref, section, proposal) {
  const id = `map-${safeId(ref)}-${section.id}`;
  const reasonId = `${id}-reason`;
  return el('div', { class: proposal ? 'section-choice proposed' : 'section-choice' },
    el('label', { class: 'check', for: id },
      el('input', {
        type: 'checkbox', id, checked: Boolean(proposal), 'data-ref': ref, 'data-section': section.id, 'aria-describedby': proposal ? reasonId : null,
      }),
      ` ${headingOf(section)}${proposal ? ` (${Confidence[proposal.confidence] ?? proposal.confidence})` : ''}`),
    proposal ? el('p', { id: reasonId, class: 'hint' }, proposal.reason) : null);
}

/** What the ticked sections would change in an assurance imported from an earlier file; kept up to date as ticks change. */
function changesView(change) {
  const from = `${change.previousFileName}${change.previousReceivedOn ? `, received ${formatDate(change.previousReceivedOn)}` : ''}`;
  const summary = {
    unchanged: `Unchanged from ${from}.`,
    changed: `Changed from ${from}:`,
    removed: `Nothing ticked, so the assurance from ${from} stays as it is.`,
    added: 'New: no earlier assurance.',
  }[change.kind];
  const edits = change.kind === 'changed' ? change.paragraphs.filter((p) => p.kind !== 'unchanged') : [];
  return el('div', { class: 'changes', id: `changes-${safeId(change.ref)}`, role: 'status' },
    el('p', {}, summary),
    edits.length === 0 ? null : el('ul', { class: 'change-list' }, edits.map((p) => el('li', { class: `change-${p.kind}` },
      el('strong', {}, p.kind === 'added' ? 'Added:' : 'Removed:'), ' ',
      el('span', { class: 'verbatim-text' }, p.text)))));
}

function renderMapping(screen, mapping) {
  const { preview, report } = screen;
  const sectionsById = new Map(preview.sections.map((s) => [s.id, s]));
  const changeOf = new Map(preview.changes.map((c) => [c.ref, c]));
  const confirmButton = el('fluent-button', { id: 'assurance-confirm', appearance: 'accent', on: { click: () => confirm(screen, confirmButton) } },
    'Fill in the assurance');
  mapping.replaceChildren(el('div', { on: { change: () => compareChosen(screen) } },
    el('h2', { id: 'assurance-mapping-heading', tabindex: '-1' }, `Match the sections of ${preview.fileName}`),
    el('p', { class: 'hint' }, "Ticked sections become the recommendation's assurance, in the document's order, each under its heading in bold. " +
      'A recommendation with nothing ticked is left as it is.'),
    preview.mappings.map((m) => {
      const item = itemOf(report, m.ref);
      const proposed = new Map(m.sections.map((p) => [p.sectionId, p]));
      const others = preview.sections.filter((s) => !proposed.has(s.id));
      return el('fieldset', { class: 'mapping', id: `map-${safeId(m.ref)}` },
        el('legend', {}, item.title),
        el('details', {}, el('summary', {}, 'Its text'), el('p', { class: 'verbatim-text' }, item.text)),
        m.reason ? el('p', { class: 'hint' }, m.reason) : null,
        [...proposed.values()].map((p) => sectionBox(m.ref, sectionsById.get(p.sectionId), p)),
        el('details', {},
          el('summary', {}, m.sections.length === 0 ? 'Choose sections' : 'Other sections'),
          others.map((s) => sectionBox(m.ref, s, null))),
        changeOf.has(m.ref) ? changesView(changeOf.get(m.ref)) : null);
    }),
    el('h2', {}, 'Sections not matched to any recommendation'),
    preview.unmapped.length === 0
      ? el('p', {}, 'Every section was matched.')
      : el('ul', { class: 'unmapped' }, preview.unmapped.map((u) => el('li', {},
        el('strong', {}, headingOf(sectionsById.get(u.sectionId))), ` — ${u.reason}`))),
    el('h2', {}, "The document's sections"),
    preview.sections.map((s) => el('details', { class: 'section-text' },
      el('summary', {}, headingOf(s)),
      el('p', { class: 'verbatim-text' }, s.text))),
    el('div', { class: 'actions' }, confirmButton)));
  show(mapping, true);
}

/**
 * After the ticks change, asks the server what the chosen sections (not the proposal) would change in the assurance
 * already imported, and shows that. Only the latest answer is shown; a failed comparison leaves the ticks as they are.
 */
function compareChosen(screen) {
  if (screen.preview.changes.length === 0) return;
  clearTimeout(screen.compareTimer);
  screen.compareTimer = setTimeout(async () => {
    const asked = ++screen.compared;
    try {
      const form = new FormData();
      form.append('file', screen.file);
      form.append('mapping', JSON.stringify(chosenMapping(screen)));
      const { changes } = await screen.api.previewAssuranceImport(screen.draft.id, form);
      if (asked !== screen.compared) return;
      for (const change of changes) byId(`changes-${safeId(change.ref)}`)?.replaceWith(changesView(change));
      clearErrorAt(byId('assurance-mapping-heading'));
    } catch (error) {
      // The comparison follows the ticks: a failure shows under the mapping's heading.
      showErrorAt(byId('assurance-mapping-heading'), error);
    }
  }, 300);
}

/** Each ref → its ticked section ids, in the document's order. */
function chosenMapping(screen) {
  const order = screen.preview.sections.map((s) => s.id);
  const chosen = Object.fromEntries(screen.preview.mappings.map((m) => [m.ref, []]));
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#assurance-mapping input[type=checkbox][data-ref]'))) {
    if (box.checked) chosen[box.dataset.ref].push(box.dataset.section);
  }
  for (const ids of Object.values(chosen)) ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return chosen;
}

async function confirm(screen, button) {
  clearError();
  const suppliedField = byId('assurance-supplied-by');
  clearErrorAt(suppliedField);
  clearErrorAt(button);
  const suppliedBy = (/** @type {FluentControl} */ (suppliedField)).value.trim();
  const mapping = chosenMapping(screen);
  const refs = Object.keys(mapping).filter((ref) => mapping[ref].length > 0);
  if (suppliedBy === '') {
    showErrorAt(suppliedField, 'Say who supplied the document (name and role), then fill in the assurance.');
    return;
  }
  if (refs.length === 0) {
    showErrorAt(button, 'Tick at least one section for at least one recommendation.');
    return;
  }
  let refusal = null;
  await withProgress(button, 'Filling in the assurance…', async () => {
    try {
      const form = new FormData();
      form.append('file', screen.file);
      form.append('suppliedBy', suppliedBy);
      form.append('sha256', screen.preview.sha256);
      form.append('mapping', JSON.stringify(mapping));
      const etag = await screen.beforeImport?.() ?? screen.etag;
      const result = await screen.api.importAssurance(screen.draft.id, form, etag);
      sessionStorage.removeItem(screen.suppliedKey);
      show(byId('import-assurance'), false);
      await screen.onImported(result, refs, screen.preview.fileName);
    } catch (error) {
      refusal = error;
    }
  });
  if (refusal) showErrorAt(button, refusal);
}
