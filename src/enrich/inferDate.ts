import type { InferredDate } from '../types.js';
import { isoDate, YEAR_RANGE } from '../parse/isoDate.js';
import { monthNumber } from '../parse/parseDateLine.js';

const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Explicit dates in running text, most precise first. A year range ("2017-2022") is never matched. */
const PATTERNS: Array<{
  re: RegExp;
  precision: InferredDate['precision'];
  pick: (m: RegExpMatchArray) => [number, number?, number?];
}> = [
  // February 28, 2019 · on the 28th of February of 2019 · 28 de febrero de 2019
  {
    re: new RegExp(`\\b(${MONTH_NAMES})\\s+${DAY},?\\s+((?:19|20)\\d{2})(?![\\d-])`, 'giu'),
    precision: 'day',
    pick: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  },
  {
    re: new RegExp(
      `\\b${DAY}\\s+(?:of\\s+|de\\s+)?(${MONTH_NAMES}),?\\s+(?:of\\s+|de\\s+)?((?:19|20)\\d{2})(?![\\d-])`,
      'giu',
    ),
    precision: 'day',
    pick: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  },
  // in October 2018 · September of 2017 · octubre de 2018
  {
    re: new RegExp(`\\b(${MONTH_NAMES}),?\\s+(?:of\\s+|de\\s+)?((?:19|20)\\d{2})(?![\\d-])`, 'giu'),
    precision: 'month',
    pick: (m) => [Number(m[2]), monthNumber(m[1]!)],
  },
  // in 2018 · during 2019 (a bare year needs a preposition: "2030 Agenda" and "Plan 2019-2024" are not dates)
  { re: /\b(?:in|during|en|durante)\s+((?:19|20)\d{2})(?![\d-])/giu, precision: 'year', pick: (m) => [Number(m[1])] },
];

/** A date phrase that marks a start, not when the story happened. */
const SINCE = /\b(since|desde|from|until|hasta)\s*$/i;

/**
 * Reads a date from an undated item's own text: an explicit day, month or year. The most precise wins, and
 * among equals the latest (news reports what just happened). Dates after "since"/"until", year ranges and
 * years in names ("2030 Agenda", "Plan 2019-2024") do not count.
 *
 * @example
 * inferDate('Tijuana, Mexico, February 28, 2019. 33 migrants were hired.')
 * //=> { value: '2019-02-28', precision: 'day', evidence: 'February 28, 2019' }
 */
export function inferDate(text: string): InferredDate | null {
  // the stretches of text a more precise pattern already read: sorted, non-overlapping [start, end) pairs,
  // looked up by binary search, so that many dates cost n log n, not n² (a check against every one of them)
  let taken: Array<[number, number]> = [];
  for (const { re, precision, pick } of PATTERNS) {
    let best: InferredDate | null = null;
    const found: Array<[number, number]> = [];
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(taken, start, end)) continue;
      found.push([start, end]);
      if (SINCE.test(text.slice(Math.max(0, start - 8), start))) continue;
      const [y, mo, d] = pick(m);
      if (mo === undefined && precision !== 'year') continue;
      let value: string | null;
      if (precision === 'day') value = isoDate(y, mo!, d!);
      else if (precision === 'month') value = isoDate(y, mo!, 1)?.slice(0, 7) ?? null;
      else value = y >= YEAR_RANGE[0] && y <= YEAR_RANGE[1] ? String(y) : null;
      if (!value) continue;
      const evidence = precision === 'year' ? m[0].trim() : m[0].replace(/^(in|during|en|durante)\s+/i, '').trim();
      if (!best || value > best.value) best = { value, precision, evidence };
    }
    if (best) return best;
    // one pattern's matches never overlap each other: merge them into the sorted list once, in linear time
    taken = merge(taken, found);
  }
  return null;
}

/** Whether [start, end) overlaps a stretch of `taken` (sorted, non-overlapping). */
function overlaps(taken: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (taken[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  // taken[lo] is the first stretch ending after start
  return lo < taken.length && taken[lo]![0] < end;
}

/** Merges two sorted lists of stretches into one. */
function merge(taken: Array<[number, number]>, found: Array<[number, number]>): Array<[number, number]> {
  if (found.length === 0) return taken;
  const merged: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < taken.length || j < found.length)
    merged.push(j >= found.length || (i < taken.length && taken[i]![0] <= found[j]![0]) ? taken[i++]! : found[j++]!);
  return merged;
}
