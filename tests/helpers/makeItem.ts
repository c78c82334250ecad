import type { Item } from '../../src/types.js';

let seq = 0;

/** A hand-made item for tests: a date (or null), defaults for everything else, and the fields to override. */
export function makeItem(date: string | null, extra: Partial<Item> = {}): Item {
  seq++;
  return {
    id: `t${String(seq).padStart(11, '0')}`,
    title: `Item ${seq}`,
    date,
    dateSource: date ? 'listed' : null,
    inferredDate: null,
    summary: '',
    countries: [],
    primaryCountry: null,
    places: [],
    topics: [],
    sources: [{ file: 'page.txt', line: seq }],
    ...extra,
  };
}

/** n items of the same date. */
export const manyItems = (date: string, n: number, extra: Partial<Item> = {}) =>
  Array.from({ length: n }, () => makeItem(date, extra));
