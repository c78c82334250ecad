import { describe, expect, it } from 'vitest';
import { withIndex } from '../../src/load/loadCorpus.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankQuery } from '../../src/query/queryTerms.js';
import { FEEDBACK } from '../../src/query/feedbackTerms.js';
import type { Item } from '../../src/types.js';
import { makeItem } from '../helpers/makeItem.js';

const corpusOf = (items: Item[]) =>
  withIndex({ items, byId: new Map(items.map((i) => [i.id, i])), diagnostics: [], pages: [], merged: 0 });

// one item about a volcano eruption; another about the same eruption that never says "volcano"; filler
const strong = makeItem(null, {
  title: 'Volcano eruption displaces families near Escuintla',
  summary: 'Ash from the volcano covered Escuintla; shelters received evacuated families.',
});
const related = makeItem(null, {
  title: 'Shelters in Escuintla receive evacuated families',
  summary: 'Ash covered roads as evacuated families reached shelters.',
});
const filler = Array.from({ length: 30 }, (_, i) =>
  makeItem(null, { title: `Workshop number ${i} on border data`, summary: `Officials met in city ${i}.` }),
);
const titles = (items: Item[], q: string, feedback?: boolean) =>
  rankQuery(corpusOf(items), parseQuery(q), getEnrichers(), { feedback, expansions: null }).map((r) => r.item.title);

describe('pseudo-relevance feedback', () => {
  it('adds, below the strong hits, an item that shares the salient terms of the first hits', () => {
    const items = [strong, related, ...filler];
    expect(titles(items, 'volcano', false)).toEqual([strong.title]);
    expect(titles(items, 'volcano')).toEqual([strong.title, related.title]);
  });
  it('also reads the first hits of a query with a few strong hits, as a question often has', () => {
    const more = [1, 2, 3].map((n) =>
      makeItem(null, { title: `Council notes ${n}`, summary: 'The council met; a volcano was mentioned in passing.' }),
    );
    const items = [strong, related, ...more, ...filler];
    expect(titles(items, 'volcano', false)).not.toContain(related.title);
    expect(titles(items, 'volcano').at(-1)).toBe(related.title);
  });
  it('adds nothing when the query has enough strong hits', () => {
    const more = Array.from({ length: FEEDBACK.fewStrongHits }, (_, n) =>
      makeItem(null, { title: `Volcano report ${n}`, summary: 'A volcano.' }),
    );
    const items = [strong, related, ...more, ...filler];
    expect(titles(items, 'volcano')).not.toContain(related.title);
  });
  it('is not used with --all', () => {
    const items = [strong, related, ...filler];
    const ranked = rankQuery(corpusOf(items), parseQuery('volcano'), getEnrichers(), { all: true });
    expect(ranked.map((r) => r.item.title)).toEqual([strong.title]);
  });
});
