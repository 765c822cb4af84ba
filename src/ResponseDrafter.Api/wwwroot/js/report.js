// A report's items as every screen names them: kinds, refs, headings, verbatim text, and ids safe to build from refs.

export const KindNames = { recommendation: 'Recommendation', 'cause-of-concern': 'Cause of concern', 'area-for-improvement': 'Area for improvement' };

export function kindName(kind) {
  return KindNames[kind] ?? 'Recommendation';
}

/** Every ref the report has, in its order: "1", "2", "6", "6a", "6b". */
export function refsOf(report) {
  return report.recommendations.flatMap((r) => [r.number, ...r.subItems.map((s) => r.number + s.label)]);
}

/**
 * The recommendation (and sub-item) a ref names, with its heading ("Area for improvement 3") and verbatim text; null when
 * the report has no such item.
 */
export function itemOf(report, ref) {
  for (const recommendation of report.recommendations) {
    const heading = `${kindName(recommendation.kind)} ${ref}`;
    if (recommendation.number === ref) return { recommendation, subItem: null, heading, text: recommendation.text };
    const subItem = recommendation.subItems.find((s) => recommendation.number + s.label === ref);
    if (subItem) return { recommendation, subItem, heading, text: subItem.text };
  }
  return null;
}

export function headingOf(report, ref) {
  return itemOf(report, ref)?.heading ?? `Recommendation ${ref}`;
}

/** The first words of an item's text, for a one-line list. */
export function shortTitle(text, words = 9) {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

/** A ref ("AFI 1", "6c") as a fragment of an element id: letters, digits and hyphens kept, anything else encoded. */
export function safeId(text) {
  return String(text).replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0).toString(16)}`);
}
