// The accessibility check before sign-off: what Word's Accessibility Checker would find in the document as the server
// last saved it, each finding in plain words with where it is and what to do in Word. Errors stop submission; advice
// does not.
import { el } from './ui.js';

/**
 * @typedef {{ code: string, severity: string, message: string, fix: string, region: string | null, where: string, excerpt: string | null }} Finding
 */

/**
 * The findings as a sentence saying whether the letter can go for sign-off, then one item per finding (errors first).
 * Severity is said in words ("Must fix", "Advice"), never by colour alone.
 * @param {Finding[]} findings
 * @returns {HTMLElement[]}
 */
export function findingsView(findings) {
  const errors = findings.filter((f) => f.severity === 'error');
  const advice = findings.filter((f) => f.severity !== 'error');
  const summary = errors.length > 0
    ? `Accessibility: ${count(errors.length, 'thing')} to fix in Word before this can be submitted${advice.length > 0 ? `, and ${count(advice.length, 'suggestion')}` : ''}.`
    : advice.length > 0
      ? `Accessibility: nothing stops submission; ${count(advice.length, 'suggestion')} to consider.`
      : 'Accessibility: Word\'s Accessibility Checker would find nothing to fix.';
  if (findings.length === 0) return [el('p', { class: 'hint' }, summary)];
  return [
    el('p', { class: 'a11y-summary' }, summary),
    el('ul', { class: 'a11y-findings' }, [...errors, ...advice].map(item)),
  ];
}

/** "Must fix · Salutation, “Dear Home Secretary (urgent)”", what is wrong, and what to do in Word. */
function item(/** @type {Finding} */ finding) {
  const label = finding.severity === 'error' ? 'Must fix' : 'Advice';
  const where = finding.excerpt ? `${finding.where}, “${finding.excerpt}”` : finding.where;
  return el('li', { class: `a11y-finding a11y-${finding.severity === 'error' ? 'error' : 'advice'}` },
    el('p', { class: 'a11y-where' }, el('strong', {}, label), ` · ${where}`),
    el('p', {}, finding.message),
    el('p', { class: 'hint' }, finding.fix));
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
