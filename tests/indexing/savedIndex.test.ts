import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadCorpus, getEnrichers } from '../../src/corpus.js';
import { bundledPagesDir } from '../../src/paths.js';
import { buildIndex } from '../../src/indexing/buildIndex.js';
import { SavedIndex, serializeIndex, Vocabulary } from '../../src/indexing/savedIndex.js';
import { termsForQuery } from '../../src/query/queryTerms.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankCorpus } from '../../src/query/searchItems.js';
import { suggestTerms } from '../../src/query/suggestTerms.js';
import queries from '../fixtures/queries.json' with { type: 'json' };

// The cache keeps the index so that a search loads only the terms its query can meet. That must change
// nothing: every hit, score and suggestion equals what the whole index gives.
const corpus = loadCorpus({ paths: [bundledPagesDir()] });
const whole = buildIndex(corpus.items);
const saved = () => {
  const text = serializeIndex(whole);
  return new SavedIndex(Buffer.from(text), 0, Buffer.byteLength(text));
};

function sameAnswers(q: string) {
  const query = parseQuery(q);
  const partial = saved().load((terms) => termsForQuery(query, terms));
  // scores to 12 significant digits: a prefix or typo adds up its terms in the order of MiniSearch's tree, which
  // differs in its last bits between a tree of all terms and one of some (as between a built and a loaded index)
  const rank = (index: typeof whole) => rankCorpus(index, corpus.byId, query, getEnrichers()).map((r) => [r.item.id, r.score.toPrecision(12), [...r.terms].sort(), r.tags]);
  expect(rank(partial), q).toEqual(rank(whole));
  const forSuggest = saved().load((terms) => termsForQuery(query, terms, 'suggest'));
  expect(suggestTerms(forSuggest, query), q).toBe(suggestTerms(whole, query));
  return partial.termCount;
}

describe('a saved index', () => {
  it('loads whole as the index it was saved from: the same terms, postings, documents and field lengths', () => {
    // terms compared in order of their text: MiniSearch's tree lists them in the order they were added
    const canonical = (index: typeof whole) => {
      const js = index.toJSON();
      return JSON.stringify({ ...js, index: js.index.sort(([a], [b]) => (a < b ? -1 : 1)) });
    };
    expect(canonical(saved().load())).toBe(canonical(whole));
  });

  it('answers every judged query, and typos, prefixes and misses, as the whole index does, from a few of its terms', () => {
    const extra = ['trafikcing', 'migra*', 'retur*', 'guatemla', 'xqzv', 'title:return', 'covid-19', 'smugling -mexico', '"voluntary return"', 'caravan honduras', 'niños', 'a', 'in', 'traf', 'retu', 'hondu'];
    const loaded = [...queries.queries.map((q) => q.query), ...extra].map(sameAnswers);
    expect(Math.max(...loaded)).toBeLessThan(whole.termCount / 4);
  });

  const word = fc.oneof(
    fc.constantFrom(...whole.toJSON().index.slice(0, 400).map(([t]) => t)),
    fc.stringMatching(/^[a-z]{1,9}$/),
  );
  const clause = fc.tuple(word, fc.constantFrom('', '*', '-', 'title:')).map(([w, how]) => (how === '*' ? `${w}*` : `${how}${w}`));
  test.prop([fc.array(clause, { minLength: 1, maxLength: 4 })], { numRuns: 60 })('answers any query of corpus words, made-up words, prefixes and exclusions as the whole index does', (clauses) => {
    if (clauses.every((c) => c.startsWith('-'))) clauses.push('migrants');
    sameAnswers(clauses.join(' '));
  });

  it('fails to load, rather than answering wrongly, when its postings do not match its head', () => {
    const text = serializeIndex(whole);
    const cut = Buffer.from(text.slice(0, -5));
    expect(() => new SavedIndex(cut, 0, cut.length).load()).toThrow(/does not match/);
    const split = text.indexOf('\n');
    const mangled = Buffer.from(`${text.slice(0, split + 1)}x${text.slice(split + 2)}`);
    expect(() => new SavedIndex(mangled, 0, mangled.length).load()).toThrow();
  });
});

describe('Vocabulary', () => {
  const v = new Vocabulary(['return', 'returns', 'returned', 'retorno', 'migrant', 'migrants', 'mig']);
  it('finds terms within a number of edits, as Levenshtein distance counts them', () => {
    expect([...v.near('retrun', 2)]).toEqual(['return']); // a swap is two edits; "returns" is three
    expect([...v.near('retrun', 3)].sort()).toEqual(['retorno', 'return', 'returns']);
    expect([...v.near('migrnt', 1)]).toEqual(['migrant']);
    expect([...v.near('zzzzzz', 2)]).toEqual([]);
  });
  it('finds the terms a prefix begins', () => {
    expect([...v.startingWith('mig')]).toEqual(['migrant', 'migrants', 'mig']);
    expect([...v.startingWith('returne')]).toEqual(['returned']);
  });
});
