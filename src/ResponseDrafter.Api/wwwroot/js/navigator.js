// The item navigator: the letter's items in one compact list (number, short title, where each stands), with a filter
// for long lists. Choosing an item tells the caller, which selects its region in Word and opens its panel.
import { itemOf, safeId, shortTitle } from './report.js';
import { byId, el } from './ui.js';

/** Where an item stands, as its chip says it. */
export const Chips = {
  'not-started': 'Not started',
  'force-text': 'Force text locked',
  drafted: 'Drafted',
  gap: 'Gap',
  complete: 'Complete',
};

/**
 * Complete: the server finds nothing missing. Gap: a status is chosen but something is still missing (a reason, words).
 * Drafted: the commissioner's words are written, no status yet. Force text locked: only the force's assurance is in.
 */
export function chipOf(response, gaps) {
  if (gaps.length === 0 && response?.status) return 'complete';
  if (response?.status) return 'gap';
  if (response?.commentary) return 'drafted';
  if (response?.assurance) return 'force-text';
  return 'not-started';
}

export const navId = (ref) => `nav-${safeId(ref)}`;

/**
 * Renders the list into #navigator-list from what the session holds, with `panel` (the chosen item's panel) under the
 * chosen row. Rows already shown are updated in place, so focus and what is typed in the panel survive a refresh.
 * @param {{ report: any, draft: any, status: any }} view
 * @param {{ chosen: string | null, filter: string, panel: HTMLElement | null, onChoose: (ref: string) => void }} options
 */
export function renderNavigator({ report, draft, status }, { chosen, filter, panel, onChoose }) {
  const gapsOf = (ref) => (status?.gaps ?? []).filter((g) => g.ref === ref);
  const words = filter.trim().toLowerCase();
  const rows = draft.selection.map((ref) => {
    const item = itemOf(report, ref);
    const chip = chipOf(draft.responses.find((r) => r.ref === ref), gapsOf(ref));
    return { ref, item, chip, haystack: `${item.heading} ${ref} ${item.text} ${Chips[chip]}`.toLowerCase() };
  });
  const shown = words === '' ? rows : rows.filter((row) => row.haystack.includes(words));
  const list = byId('navigator-list');
  const layout = `${shown.map((r) => r.ref).join('\u0000')}|${chosen}|${panel?.dataset.ref ?? ''}`;
  if (list.dataset.layout !== layout) {
    list.dataset.layout = layout;
    const existing = /** @type {HTMLElement | null} */ (list.querySelector('li.panel-row'));
    list.replaceChildren(...shown.flatMap(({ ref, item }) => {
      const row = el('li', { class: 'nav-row', 'data-ref': ref },
        el('button', { type: 'button', id: navId(ref), class: 'nav-item', on: { click: () => onChoose(ref) } },
          el('span', { class: 'nav-number' }, ref),
          el('span', { class: 'nav-title' }, el('span', { class: 'visually-hidden' }, `${item.heading}: `), shortTitle(item.text)),
          el('span', { class: 'chip' })));
      if (ref !== chosen || !panel) return [row];
      const panelRow = existing?.firstElementChild === panel ? existing : el('li', { class: 'panel-row' }, panel);
      return [row, panelRow];
    }));
  }
  for (const { ref, chip } of shown) {
    const button = byId(navId(ref));
    button.closest('li').classList.toggle('chosen', ref === chosen);
    button.setAttribute('aria-expanded', ref === chosen ? 'true' : 'false');
    if (ref === chosen && panel) button.setAttribute('aria-controls', panel.id);
    else button.removeAttribute('aria-controls');
    const badge = button.querySelector('.chip');
    badge.className = `chip chip-${chip}`;
    badge.textContent = Chips[chip];
  }
  const total = draft.selection.length;
  byId('navigator-count').textContent = words === ''
    ? `${total} ${total === 1 ? 'item' : 'items'} answered`
    : `${shown.length} of ${total} items match "${filter.trim()}"`;
  if (total === 0) list.replaceChildren(el('li', { class: 'hint' }, 'No item is answered yet: choose them under "Which items the letter answers".'));
}
