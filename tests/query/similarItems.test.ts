import { describe, expect, it } from 'vitest';
import { withIndex } from '../../src/load/loadCorpus.js';
import { rankSimilar } from '../../src/query/rankSimilar.js';
import { salientTerms } from '../../src/query/similarItems.js';
import { describeHits } from '../../src/query/searchItems.js';
import type { Item } from '../../src/types.js';
import { makeItem } from '../helpers/makeItem.js';

const corpusOf = (items: Item[]) =>
  withIndex({ items, byId: new Map(items.map((i) => [i.id, i])), diagnostics: [], pages: [], merged: 0 });

const caravan = makeItem('2018-11-01', {
  title: 'Caravan migrants in Tapachula receive health care',
  summary: 'Migrants of the caravan received health care and information in Tapachula, Chiapas.',
  countries: ['Mexico'],
  topics: ['health'],
});
const twin = makeItem('2018-11-02', {
  title: 'Health care for the caravan in Tapachula',
  summary: 'A clinic gave health care to caravan migrants in Tapachula.',
  countries: ['Mexico'],
  topics: ['health'],
});
const sameCountry = makeItem('2018-05-01', {
  title: 'Border officials trained in Mexico',
  summary: 'Officials learned about documents.',
  countries: ['Mexico'],
});
const unrelated = makeItem('2018-05-02', { title: 'Belize census', summary: 'Counting households.' });
const filler = Array.from({ length: 20 }, (_, i) => makeItem(null, { title: `Report ${i}`, summary: 'Data.' }));
const corpus = corpusOf([caravan, twin, sameCountry, unrelated, ...filler]);

describe('similar items', () => {
  it('picks the salient terms of an item: its rarer words, not stop words', () => {
    const terms = salientTerms(caravan, corpus.lookup(), corpus.items.length).map(([t]) => t);
    expect(terms).toEqual(expect.arrayContaining(['caravan', 'tapachula', 'health']));
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('in');
  });
  it('ranks the item sharing most words, countries and topics first; leaves the item itself out', () => {
    const ranked = rankSimilar(corpus, caravan);
    expect(ranked[0]!.item.id).toBe(twin.id);
    expect(ranked.map((r) => r.item.id)).not.toContain(caravan.id);
    expect(ranked.map((r) => r.item.id)).toContain(sameCountry.id);
    expect(ranked.map((r) => r.item.id)).not.toContain(unrelated.id);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
  it('applies the filters', () => {
    const ranked = rankSimilar(corpus, caravan, (i) => i.date?.startsWith('2018-05') ?? false);
    expect(ranked.map((r) => r.item.id)).toEqual([sameCountry.id]);
  });
  it('says what was shared in matched, and highlights it', () => {
    const [hit] = describeHits(rankSimilar(corpus, caravan).slice(0, 1));
    expect(hit!.matched).toContainEqual({ term: 'tapachula', field: 'title', how: 'exact' });
    expect(hit!.matched).toContainEqual({ term: 'Mexico', field: 'countries', how: 'country' });
    expect(hit!.snippet.highlights.length).toBeGreaterThan(0);
  });
});
