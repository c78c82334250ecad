import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { SearchOptions } from 'minisearch';
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { bundledPagesDir } from '../../src/paths.js';
import { FIELD_BOOST, FIELDS, stemQueries } from '../../src/indexing/buildIndex.js';
import { SavedIndex, countTerms, type PickTerms, type TermIndex } from '../../src/indexing/termIndex.js';
import type { SearchIndex } from '../../src/indexing/postingsIndex.js';
import { makeItem } from '../helpers/makeItem.js';

// A search runs over a PostingsIndex (the postings as arrays) rather than a MiniSearch loaded with loadJS; it
// must answer exactly as that MiniSearch does: the same results, in the same order, with the same scores to the
// last bit, and the same `match` and `terms`.

const corpus = loadCorpus({ paths: [bundledPagesDir()] });
const counted = countTerms(corpus.items);
const bytes = Buffer.from(counted.serialize());
const saved = new SavedIndex(
  bytes,
  0,
  bytes.length,
  corpus.items.map((i) => i.id),
);

/** The searches meso's ranking makes (see probeRunner), and a few more of MiniSearch's options. */
const searches = (term: string): Array<Parameters<SearchIndex['search']>> => {
  const boost = Object.fromEntries(FIELDS.map((f) => [f, FIELD_BOOST[f]]));
  const base: SearchOptions = { fields: FIELDS, boost };
  return [
    [term],
    [term, base],
    [term, { ...base, prefix: true, weights: { fuzzy: 0.2, prefix: 0.6 } }],
    [term, { ...base, fuzzy: 1, maxFuzzy: 1 }],
    [term, { ...base, fuzzy: 2, maxFuzzy: 2, prefix: true }],
    [term, { fields: ['title'], boost: { title: 2.5 }, fuzzy: 0.2 }],
    [term, { fields: ['summary', 'body'], prefix: true }],
    [{ queries: stemQueries(term), combineWith: 'OR' } as never, base],
    [{ queries: [term, ...stemQueries(term)], combineWith: 'OR' } as never, { ...base, prefix: true }],
  ];
};

/** Every term that starts like `word` or is near it: what a pick for it holds. */
const around =
  (words: string[]): PickTerms =>
  (vocabulary) =>
    words.flatMap((w) => [...vocabulary.startingWith(w.slice(0, 3)), ...vocabulary.near(w, 2), ...stemQueries(w)]);

function sameAsMiniSearch(source: TermIndex, words: string[], pick?: PickTerms) {
  const ours = source.open(pick);
  const theirs = source.load(pick);
  expect(ours.termCount).toBe(theirs.termCount);
  expect(ours.documentCount).toBe(theirs.documentCount);
  for (const w of words)
    for (const args of searches(w)) expect(ours.search(...args), w).toEqual(theirs.search(...args));
}

/**
 * `scores` (what ranking uses: arrays by document number) against `hits` (MiniSearch's results as a map): the same
 * documents in the same order, the same scores to the last bit, the same `match` (keys in the same order), and
 * "met beyond the body" and "met in the title" exactly when `match` names a field other than the body, the title.
 */
function scoresAsHits(source: TermIndex, words: string[], pick?: PickTerms) {
  const index = source.open(pick);
  for (const w of words)
    for (const [query, options] of searches(w)) {
      const queries = typeof query === 'string' ? [query] : (query as { queries: string[] }).queries;
      const hits = index.hits({ queries, combineWith: 'OR' } as never, options);
      const scores = index.scores(queries, options);
      expect(
        Array.from(scores.docs, (d) => scores.ids[d]),
        w,
      ).toEqual([...hits.keys()]);
      for (const [id, h] of hits) {
        expect(Object.is(scores.score[h.doc], h.score), `${w} ${id}`).toBe(true);
        expect(scores.match(h.doc)).toEqual(h.match);
        expect(Object.keys(scores.match(h.doc)!)).toEqual(Object.keys(h.match));
        const beyond = Object.values(h.match).some((fields) => fields.some((f) => f !== 'body'));
        expect(scores.beyondBody[h.doc]).toBe(beyond ? 1 : 0);
        const title = Object.values(h.match).some((fields) => fields.includes('title'));
        expect(scores.inTitle[h.doc]).toBe(title ? 1 : 0);
      }
      const met = scores.docs.length;
      expect(scores.met.reduce((n, m) => n + m, 0)).toBe(met);
      for (let d = 0; d < index.documentCount; d++) if (!scores.met[d]) expect(scores.match(d)).toBeUndefined();
    }
}

describe('a PostingsIndex', () => {
  const words = ['trafficking', 'traffick', 'return', 'migra', 'peten', 'honduras', 'caravan', 'xqzv', 'the', 'niños'];

  it.each([
    ['counted', counted],
    ['saved', saved],
  ] as const)('searches as MiniSearch loaded with the same terms does, on the bundled pages (%s)', (_, source) => {
    sameAsMiniSearch(source, words, around(words));
    sameAsMiniSearch(source, ['return', 'migrants'], undefined);
  });

  it('scores documents by number as it searches them: same order, same bits, same match', () => {
    scoresAsHits(counted, words, around(words));
    scoresAsHits(saved, ['return', 'migrants', 'trafficking'], undefined);
  });

  const word = fc.constantFrom('return', 'returnees', 'Returned', 'retorno', 'trafficking', 'trafficked', 'the', 'a');
  const text = fc.array(word, { maxLength: 10 }).map((ws) => ws.join(' '));
  test.prop([
    fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('ret', 'return', 'traf', 'retorn'),
  ])('searches as MiniSearch does over any titles and summaries', (pairs, query) => {
    const index = countTerms(pairs.map(([title, summary]) => makeItem(null, { title, summary })));
    sameAsMiniSearch(index, [query], around([query]));
    scoresAsHits(index, [query], around([query]));
  });

  // a field's length norms are kept in an array grown as longer lengths are met (grownNorm): bodies of any length,
  // met shortest or longest first, score to the same bits as MiniSearch's
  test.prop([fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 6 })])(
    'scores as MiniSearch does over documents of any length, in any order',
    (lengths) => {
      const filler = (n: number, from: number) => Array.from({ length: n }, (_, k) => `w${from + k}`).join(' ');
      const items = lengths.map((n, i) =>
        makeItem(null, { title: `return ${i}`, summary: 'returns', body: `${filler(n, i * 1000)} return` }),
      );
      const index = countTerms(items);
      scoresAsHits(index, ['return'], around(['return']));
    },
  );

  it('refuses what meso never asks and it does not do (an AND, a filter), rather than answering otherwise', () => {
    const index = counted.open();
    expect(() => index.search({ queries: ['return', 'migrants'], combineWith: 'AND' })).toThrow(/not supported/);
    expect(() => index.search('return', { filter: () => true })).toThrow(/not supported/);
  });
});
