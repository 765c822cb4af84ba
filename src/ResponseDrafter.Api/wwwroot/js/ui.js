// DOM helpers: every dynamic text goes in through textContent or attributes, never as HTML.
import {
  fluentButton, fluentCard, fluentCheckbox, fluentProgressRing, fluentTextArea, fluentTextField, provideFluentDesignSystem,
} from '../lib/fluentui/web-components.min.js';

provideFluentDesignSystem().register(
  fluentButton(), fluentCard(), fluentCheckbox(), fluentProgressRing(), fluentTextArea(), fluentTextField());

/** el('p', { class: 'x', 'aria-live': 'polite' }, 'text', child) — strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (name === 'value') {
      node.value = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

export function show(element, visible = true) {
  element.hidden = !visible;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2021-07-20" → "20 July 2021". */
export function formatDate(isoDate) {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The deadline's days left in words; negative means overdue. */
export function daysLeftText(daysLeft) {
  if (daysLeft < 0) return `Overdue by ${-daysLeft} ${-daysLeft === 1 ? 'day' : 'days'}`;
  if (daysLeft === 0) return 'Due today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}

export function isOverdue(deadline) {
  return deadline.daysLeft < 0;
}

/** Shows an error in plain words (with what to do next) in the page's alert region. */
export function showError(error) {
  const region = byId('alert');
  const details = error.details ?? [];
  region.replaceChildren(el('p', {}, error.message ?? String(error)));
  if (details.length > 0) region.append(el('ul', {}, details.map((d) => el('li', {}, d))));
  show(region, true);
}

export function clearError() {
  const region = byId('alert');
  region.replaceChildren();
  show(region, false);
}

/** A short confirmation read out politely by screen readers. */
export function announce(text) {
  byId('status').textContent = text;
}

export function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', on ? 'true' : 'false');
}

/** The error's sentence and its per-field lines ("Commentary: …"), as a user reads them. */
function errorLines(error) {
  return { message: error?.message ?? String(error), details: error?.details ?? [] };
}

/** The error message shown beside a control (created after it on first use). */
function errorSlotOf(control) {
  const id = control.dataset.errorSlot;
  if (id && byId(id)) return byId(id);
  const slot = el('div', { id: `error-${Math.random().toString(36).slice(2, 10)}`, class: 'field-error', role: 'alert', hidden: true });
  control.dataset.errorSlot = slot.id;
  control.after(slot);
  return slot;
}

/**
 * Shows a refusal next to the control that caused it (a button or a field), marks a field invalid, moves focus to the
 * control and has it announced (the message is an alert). Other screens use it the same way.
 * @param {HTMLElement} control
 * @param {{ message?: string, details?: string[] } | Error | string} error
 */
export function showErrorAt(control, error) {
  const { message, details } = errorLines(error);
  const slot = errorSlotOf(control);
  slot.replaceChildren(el('p', {}, message), ...(details.length > 0 ? [el('ul', {}, details.map((d) => el('li', {}, d)))] : []));
  show(slot, true);
  if (control.tagName !== 'FLUENT-BUTTON' && control.tagName !== 'BUTTON') control.setAttribute('aria-invalid', 'true');
  const focusable = control.matches('fieldset, div') ? /** @type {HTMLElement} */ (control.querySelector('input, textarea, select, button')) ?? control : control;
  focusable.focus();
  return slot;
}

/** Takes away the refusal shown beside a control, if any. */
export function clearErrorAt(control) {
  control.removeAttribute('aria-invalid');
  const slot = control.dataset.errorSlot ? byId(control.dataset.errorSlot) : null;
  if (slot) {
    slot.replaceChildren();
    show(slot, false);
  }
}

/**
 * Slow work started from a button: the button says it is busy (it keeps focus, unlike a disabled one), a Fluent progress
 * ring and a sentence ("Building the letter…") appear beside it and are announced, and a second press does nothing.
 * Focus stays where it was; if the work took it away (a re-render), it comes back to the button.
 * Returns what `work` returns, or undefined when the button was already busy.
 * @template T
 * @param {HTMLElement} button
 * @param {string} sentence
 * @param {() => Promise<T>} work
 * @returns {Promise<T | undefined>}
 */
export async function withProgress(button, sentence, work) {
  if (button.getAttribute('aria-busy') === 'true') return undefined;
  clearErrorAt(button);
  button.setAttribute('aria-busy', 'true');
  button.setAttribute('aria-disabled', 'true');
  const indicator = el('div', { class: 'progress' }, el('fluent-progress-ring', { 'aria-hidden': 'true' }), el('span', {}, sentence));
  button.after(indicator);
  announce(sentence);
  try {
    return await work();
  } finally {
    indicator.remove();
    button.setAttribute('aria-busy', 'false');
    button.removeAttribute('aria-disabled');
    if (button.isConnected && (document.activeElement === document.body || document.activeElement === null)) button.focus();
  }
}

/** Signed-in user and, in local development, the warning that it is not a real identity. */
export function showIdentity(me) {
  const who = byId('who');
  if (who) who.textContent = me.name ? `Signed in as ${me.name}` : '';
  const banner = byId('mode-banner');
  if (banner && me.notice) {
    banner.textContent = me.notice;
    show(banner, true);
  }
}
