// DOM helpers: every dynamic text goes in through textContent or attributes, never as HTML.
import {
  fluentButton, fluentCard, fluentCheckbox, fluentTextArea, fluentTextField, provideFluentDesignSystem,
} from '../lib/fluentui/web-components.min.js';

provideFluentDesignSystem().register(
  fluentButton(), fluentCard(), fluentCheckbox(), fluentTextArea(), fluentTextField());

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
