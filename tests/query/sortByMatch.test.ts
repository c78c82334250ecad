import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Item } from '../../src/types.js';
import { buildIndex } from '../../src/indexing/termIndex.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { firstInOrder, searchItems } from '../../src/query/searchItems.js';

import { makeItem } from '../helpers/makeItem.js';

const item = (title: string, summary: string): Item => makeItem(null, { title, summary });

// "migrants" is in most items, as in an IOM corpus; "hurricane" and "shelters" in few
const corpus = [
  item(
    'Hurricane shelters open in Honduras',
    'Hurricane Eta: shelters opened for families; hurricane shelters stay open.',
  ),
  item(
    'Migrants at the border',
    'Migrants waited at the northern border for weeks, in the heat, with little water and no news; officials at the crossing counted them, and a hurricane far away and the shelters of another town were mentioned in passing.',
  ),
  item('Migrants in Mexico', 'Migrants registered in Tapachula.'),
  item('Migrants in Panama', 'Migrants crossed the Darién.'),
  item('Migrants in Guatemala', 'Migrants returned to Guatemala.'),
  item('Migrants in Costa Rica', 'Migrants found work in Costa Rica.'),
  item('Migrants in Belize', 'Migrants asked for asylum in Belize.'),
  ...['Honduras', 'Nicaragua', 'El Salvador', 'Haiti', 'Cuba', 'Colombia', 'Ecuador', 'Peru'].map((c) =>
    item(`Migrants from ${c}`, `Migrants from ${c} were counted.`),
  ),
  item('Storm season ahead', 'Forecasters expect an active season.'),
];
const index = buildIndex(corpus);
const byId = new Map(corpus.map((i) => [i.id, i]));
const titles = (q: string) => searchItems(index, byId, parseQuery(q), { expansions: null }).map((h) => h.item.title);

describe('best match ranking (soft coordination)', () => {
  it("ranks an item squarely about a question's rare words above one that has every word in passing", () => {
    // the first lacks only "migrants", which most items have; the second has all three words, once each
    expect(titles('hurricane shelters for migrants').slice(0, 2)).toEqual([
      'Hurricane shelters open in Honduras',
      'Migrants at the border',
    ]);
  });
  it('still ranks an item with every rare word above a strong one that lacks a rare word', () => {
    // "Migrants at the border" has hurricane and shelters; the Honduras item lacks "border", a rare word here
    expect(titles('hurricane shelters border')[0]).toBe('Migrants at the border');
  });
});

describe('firstInOrder: the first hits in order, the rest unordered', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.nat({ max: 70 })])(
    'puts first the same numbers, in the same order, as a whole sort, and keeps every number once',
    (keys, top) => {
      // a total order: the key (ties frequent), then the number
      const before = (a: number, b: number) => keys[a]! - keys[b]! || a - b;
      const sorted = Array.from({ length: keys.length }, (_, i) => i).sort(before);
      const got = Array.from(firstInOrder(keys.length, top, before));
      expect(got.slice(0, top)).toEqual(sorted.slice(0, top));
      expect([...got].sort((a, b) => a - b)).toEqual(sorted.slice().sort((a, b) => a - b));
    },
  );
});

describe('searchItems with top', () => {
  it('ranks the first hits as the whole ranking does, and finds as many', () => {
    const counts: number[] = [];
    for (const q of ['migrants', 'hurricane shelters migrants', 'migrants border', 'Honduras']) {
      const whole = searchItems(index, byId, parseQuery(q), { expansions: null });
      counts.push(whole.length);
      for (const top of [0, 1, 3, 10]) {
        const some = searchItems(index, byId, parseQuery(q), { expansions: null, top });
        expect(some.length).toBe(whole.length);
        expect(some.slice(0, top).map((h) => h.item.id)).toEqual(whole.slice(0, top).map((h) => h.item.id));
      }
    }
    expect(Math.max(...counts)).toBeGreaterThan(10); // a top of 10 leaves hits unordered
  });
});
