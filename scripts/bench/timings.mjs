// @ts-check
// meso's phase timings: with MESO_TIMINGS=1 it ends its stderr with one line `{"timings":{"parse":15.1,…}}`.

/** @typedef {Record<string, number>} Timings phase name → milliseconds in that run ("total": since start) */

/**
 * The timings of one meso run, from the last stderr line that starts with `{"timings"`; null when there is none.
 * @param {string} stderr
 * @returns {Timings | null}
 */
export function readTimings(stderr) {
  const line = stderr
    .split(/\r?\n/)
    .filter((l) => l.startsWith('{"timings"'))
    .pop();
  if (!line) return null;
  /** @type {{ timings?: unknown }} */
  const parsed = JSON.parse(line);
  const timings = parsed.timings;
  if (!timings || typeof timings !== 'object') return null;
  /** @type {Timings} */
  const out = {};
  for (const [phase, ms] of Object.entries(timings)) if (typeof ms === 'number') out[phase] = ms;
  return out;
}

/** The phases in reading order, with the two sums the tables report. */
export const PHASES = [
  'list pages',
  'read cache',
  'read pages',
  'tables',
  'parse',
  'enrich',
  'count index terms',
  'write cache',
  'load index',
];

/** Index build: parsing, enriching and counting the index terms of every item. */
export const INDEX_BUILD = ['parse', 'enrich', 'count index terms'];
/** Cache load: reading and checking the cache file, then loading the index terms the command needs. */
export const CACHE_LOAD = ['read cache', 'load index'];

/**
 * Sum of the given phases in one run, or null when none of them ran (a warm run builds no index).
 * @param {Timings} timings
 * @param {string[]} phases
 * @param {string} [required] a phase that must have run for the sum to mean anything
 * @returns {number | null}
 */
export function sumPhases(timings, phases, required) {
  if (required && timings[required] === undefined) return null;
  const present = phases.filter((p) => timings[p] !== undefined);
  return present.length ? present.reduce((s, p) => s + (timings[p] ?? 0), 0) : null;
}
