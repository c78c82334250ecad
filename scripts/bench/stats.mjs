// @ts-check
// Summaries of repeated measurements.

/** @typedef {{ median: number, min: number, max: number }} Summary */

/**
 * Median (mean of the middle two for an even count), min and max of a non-empty list.
 * @param {number[]} xs
 * @returns {Summary}
 */
export function summarize(xs) {
  if (!xs.length) throw new Error('summarize needs at least one value');
  const s = xs.slice().sort((a, b) => a - b);
  /** @param {number} i */
  const at = (i) => s[i] ?? Number.NaN;
  const mid = s.length >> 1;
  const median = s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { median, min: at(0), max: at(s.length - 1) };
}
