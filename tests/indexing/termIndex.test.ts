import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { bundledPagesDir } from '../../src/paths.js';
import { INDEX_OPTIONS, fieldText, type IndexDoc } from '../../src/indexing/buildIndex.js';
import { distance } from 'fastest-levenshtein';
import {
  SavedIndex,
  Vocabulary,
  withinOneEdit,
  withinEdits,
  countTerms,
  parsePostings,
  writePostings,
  searchLookup,
  sortedOrder,
  stemNumbers,
  NO_STEM,
  type TermIndex,
} from '../../src/indexing/termIndex.js';
import { stemAfresh } from '../../src/text/stem.js';
import type { Item } from '../../src/types.js';
import { termsFor } from '../../src/query/queryTerms.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankCorpus } from '../../src/query/searchItems.js';
import { suggestTerms } from '../../src/query/suggestTerms.js';
import { makeItem } from '../helpers/makeItem.js';
import queries from '../fixtures/queries.json' with { type: 'json' };

// meso counts the index itself and hands MiniSearch only the terms a search can meet (termIndex.ts). That must
// change nothing: the whole index equals the one MiniSearch's addAll builds, and every hit, score and
// suggestion from a partial index equals the whole index's.

/** The index as MiniSearch's own addAll builds it, with meso's options: the reference. */
function buildIndexWithAddAll(items: readonly Item[]): MiniSearch<IndexDoc> {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(items.map((i) => ({ id: i.id, title: i.title, summary: i.summary, body: fieldText(i, 'body') })));
  return index;
}

const corpus = loadCorpus({ paths: [bundledPagesDir()] });
const reference = buildIndexWithAddAll(corpus.items);
const ids = corpus.items.map((i) => i.id);
const saved = (index: ReturnType<typeof countTerms>) => {
  const bytes = Buffer.from(index.serialize());
  return new SavedIndex(bytes, 0, bytes.length, ids);
};

/** The index as MiniSearch writes it: terms in the order of its tree, which depends on the order they came in. */
const asJson = (index: MiniSearch<IndexDoc>) => JSON.stringify(index);

function sameAnswers(source: TermIndex, q: string): number {
  const query = parseQuery(q);
  // scores to 12 significant digits: a prefix or a typo adds up its terms in the order of MiniSearch's tree,
  // which differs in the last bits between a tree of all terms and one of some
  const partial = source.load(termsFor(query));
  const rank = (index: MiniSearch<IndexDoc>, lookup?: TermIndex) =>
    rankCorpus(index, corpus.byId, query, getEnrichers(), { lookup }).map((r) => [
      r.item.id,
      r.score.toPrecision(12),
      r.terms().map((t) => [...t].sort()),
      r.tags,
    ]);
  expect(rank(partial, source), q).toEqual(rank(reference));
  expect(suggestTerms(source.load(termsFor(query, 'suggest')), query), q).toBe(suggestTerms(reference, query));
  return partial.termCount;
}

describe('countTerms', () => {
  it('counts the index MiniSearch addAll builds from the bundled pages: terms, postings, documents, field lengths', () => {
    expect(asJson(countTerms(corpus.items).load())).toBe(asJson(reference));
  });

  const word = fc.constantFrom(
    'return',
    'returnees',
    'Returned',
    'Petén',
    'covid-19',
    "people's",
    'the',
    'trafficking',
    'trafficked',
    'niños',
    'A',
    '2019',
    'anti-trafficking',
    '“smuggling”',
    '',
  );
  const text = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
  test.prop([fc.array(fc.tuple(text, text), { maxLength: 8 })])(
    'counts what addAll builds from any titles and summaries, empty ones too',
    (pairs) => {
      const items = pairs.map(([title, summary]) => makeItem(null, { title, summary }));
      expect(asJson(countTerms(items).load())).toBe(asJson(buildIndexWithAddAll(items)));
    },
  );

  it('refuses a duplicate id, as addAll does', () => {
    const a = makeItem(null, { title: 'a' });
    expect(() => countTerms([a, { ...a }])).toThrow(/duplicate ID/);
  });
});

describe('a saved index', () => {
  it('loads whole as the index it was saved from', () => {
    expect(asJson(saved(countTerms(corpus.items)).load())).toBe(asJson(reference));
  });

  it('is read from where it starts in a larger file, as the cache keeps it after the items', () => {
    const before = Buffer.from('{"items":["Petén, “niños” 😀"]}\n');
    const bytes = Buffer.concat([before, Buffer.from(countTerms(corpus.items).serialize())]);
    const index = new SavedIndex(bytes, before.length, bytes.length, ids);
    expect(asJson(index.load())).toBe(asJson(reference));
    expect(index.load(termsFor(parseQuery('peten'))).search('peten')).toEqual(reference.search('peten'));
  });

  it('keeps the acronyms the items define, learned when the index was counted', () => {
    const counted = countTerms(corpus.items).vocab().acronyms;
    expect(counted).toContainEqual(['cmc', ['caribbean', 'migration', 'consultations']]);
    expect(saved(countTerms(corpus.items)).vocab().acronyms).toEqual(counted);
  });

  it('fails to load, rather than answering wrongly, when its postings do not match its head', () => {
    const bytes = countTerms(corpus.items).serialize();
    const cut = bytes.subarray(0, -5);
    expect(() => new SavedIndex(cut, 0, cut.length, ids).load()).toThrow(/does not match/);
    // a bit of the last term's postings changed (its last count): its checksum no longer matches
    const mangled = Buffer.from(bytes);
    mangled[mangled.length - 4] = mangled[mangled.length - 4]! ^ 1;
    expect(() => new SavedIndex(mangled, 0, mangled.length, ids).load()).toThrow(/damaged/);
    // the head's line cut short
    const head = Buffer.from(bytes);
    head[head.indexOf(10) - 3] = 0x7b;
    expect(() => new SavedIndex(head, 0, head.length, ids).load()).toThrow();
  });

  it('fails to load when it is handed the ids of other documents than it counted', () => {
    const bytes = Buffer.from(countTerms(corpus.items).serialize());
    expect(() => new SavedIndex(bytes, 0, bytes.length, ids.slice(1)).load()).toThrow(/does not match/);
    expect(new SavedIndex(bytes, 0, bytes.length, ids).load().documentCount).toBe(ids.length);
  });
});

describe('parsePostings', () => {
  const asArrays = (lists: ReturnType<typeof parsePostings>) =>
    lists.map((l) => (l ? { docs: [...l.docs], counts: [...l.counts] } : l));
  const field = fc
    .array(fc.tuple(fc.nat({ max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })), { maxLength: 20 })
    .map((pairs) => ({ docs: pairs.map(([d]) => d), counts: pairs.map(([, n]) => n) }));

  const lists = fc.array(fc.option(field, { nil: undefined }), { maxLength: 4 });
  const expected = (ls: Array<{ docs: number[]; counts: number[] } | undefined>) => {
    const out: Array<{ docs: number[]; counts: number[] } | undefined> = [];
    ls.forEach((l, fieldId) => {
      if (l) out[fieldId] = l;
    });
    return out;
  };

  test.prop([lists])('reads what writePostings writes', (ls) => {
    expect(asArrays(parsePostings(writePostings(ls)))).toEqual(expected(ls));
  });

  test.prop([lists, fc.constantFrom(1, 2, 3, 5, 6, 7)])(
    'reads it from bytes that are not aligned to 4 (a copy rather than a view)',
    (ls, offset) => {
      const written = writePostings(ls);
      const shifted = Buffer.alloc(written.length + offset);
      written.copy(shifted, offset);
      const bytes = shifted.subarray(offset);
      expect(bytes.byteOffset % 4).not.toBe(0);
      expect(asArrays(parsePostings(bytes))).toEqual(expected(ls));
    },
  );

  it('writes 32-bit little-endian words: field id, count, documents, counts', () => {
    const bytes = writePostings([{ docs: [3, 9], counts: [1, 2] }, undefined, { docs: [9], counts: [1] }]);
    const words = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readUInt32LE(i * 4));
    expect(words).toEqual([0, 2, 3, 9, 1, 2, 2, 1, 9, 1]);
    expect(() => writePostings(Object.assign([], { 256: { docs: [1], counts: [1] } }))).toThrow(/256 fields/);
  });

  const words = (...w: number[]) => {
    const b = Buffer.alloc(w.length * 4);
    for (const [i, v] of w.entries()) b.writeUInt32LE(v, i * 4);
    return b;
  };
  it.each([
    ['a length that is no whole number of words', Buffer.from([0, 0, 0, 0, 1])],
    ['a field id with no count', words(0)],
    ['a count running past the end', words(0, 2, 3, 9, 1)],
    ['a word left over', words(0, 1, 3, 1, 7)],
    ['fields out of order', words(2, 1, 3, 1, 0, 1, 3, 1)],
    ['a field twice', words(0, 1, 3, 1, 0, 1, 4, 1)],
    ['a field id no index has', words(4096, 1, 3, 1)],
    ['a huge count', words(0, 0xffffffff, 1, 1)],
  ])('refuses %s rather than reading something else', (_, bytes) => {
    expect(() => parsePostings(bytes)).toThrow(/damaged posting list/);
  });
});

describe('an index loaded for a query', () => {
  const sources: Array<[string, () => TermIndex]> = [
    ['counted', () => countTerms(corpus.items)],
    ['saved', () => saved(countTerms(corpus.items))],
  ];
  it.each(sources)(
    'answers every judged query, and typos, prefixes and misses, as the whole index does, from a few of its terms (%s)',
    (_, source) => {
      const extra = [
        'trafikcing',
        'migra*',
        'retur*',
        'guatemla',
        'xqzv',
        'title:return',
        'covid-19',
        'smugling -mexico',
        '"voluntary return"',
        'caravan honduras',
        'niños',
        'a',
        'in',
        'traf',
        'retu',
        'hondu',
      ];
      const terms = source();
      const loaded = [...queries.queries.map((q) => q.query), ...extra].map((q) => sameAnswers(terms, q));
      expect(Math.max(...loaded)).toBeLessThan(reference.termCount / 4);
    },
  );

  const word = fc.oneof(
    fc.constantFrom(
      ...reference
        .toJSON()
        .index.slice(0, 400)
        .map(([t]) => t),
    ),
    fc.stringMatching(/^[a-z]{1,9}$/),
  );
  const clause = fc
    .tuple(word, fc.constantFrom('', '*', '-', 'title:'))
    .map(([w, how]) => (how === '*' ? `${w}*` : `${how}${w}`));
  const terms = saved(countTerms(corpus.items));
  test.prop([fc.array(clause, { minLength: 1, maxLength: 4 })], { numRuns: 60 })(
    'answers any query of corpus words, made-up words, prefixes and exclusions as the whole index does',
    (clauses) => {
      if (clauses.every((c) => c.startsWith('-'))) clauses.push('migrants');
      sameAnswers(terms, clauses.join(' '));
    },
  );
});

describe('a term index as a TermLookup', () => {
  const terms = countTerms(corpus.items);
  const whole = searchLookup(reference);
  const words = [
    'trafficking',
    'migrants',
    'migrantes',
    'return',
    '~return',
    'peten',
    'guatemala',
    'xqzv',
    'iom',
    'the',
    'retrun',
    'smugling',
  ];
  it('knows the terms a search of the whole index finds, and counts the items near a word as it does', () => {
    for (const w of words) {
      expect(terms.has(w), w).toBe(whole.has(w));
      for (const edits of [0, 1, 2]) expect(terms.itemsNear(w, edits), `${w} ${edits}`).toBe(whole.itemsNear(w, edits));
    }
    expect(terms.itemsNear('migrants', 1)).toBeGreaterThan(terms.itemsNear('migrants', 0));
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

describe('a saved index looks its terms up in their sorted order', () => {
  test.prop([fc.array(fc.string({ maxLength: 6 }), { maxLength: 40 }), fc.array(fc.string({ maxLength: 6 }))])(
    'as a map of every term finds them',
    (words, others) => {
      const terms = [...new Set(words)];
      const sorted = new Vocabulary(terms, [], sortedOrder(terms));
      const mapped = new Vocabulary(terms);
      for (const t of [...terms, ...others]) {
        expect(sorted.indexOf(t), t).toBe(mapped.indexOf(t));
        expect(sorted.has(t), t).toBe(mapped.has(t));
      }
    },
  );

  it('in the bundled index: every term, and none that is not a term', () => {
    const counted = countTerms(corpus.items);
    const fromCache = saved(counted).vocab();
    const terms = counted.vocab().terms;
    expect(terms.length).toBeGreaterThan(1000);
    terms.forEach((t, i) => {
      expect(fromCache.indexOf(t)).toBe(i);
    });
    for (const t of ['', 'zzzz', 'traffickin', 'a'.repeat(30)]) expect(fromCache.has(t)).toBe(counted.has(t));
  });
});

describe('a saved index knows the stems of its words', () => {
  it('as the stemmer works them out, for every word of the bundled index; nothing for others', () => {
    const fromCache = saved(countTerms(corpus.items)).vocab();
    const words = fromCache.terms.filter((t) => !t.startsWith('~'));
    expect(words.length).toBeGreaterThan(900);
    // some words are their own stem, some are not
    expect(words.filter((w) => stemAfresh(w) !== w).length).toBeGreaterThan(100);
    for (const w of words) expect(fromCache.stemOf(w), w).toBe(stemAfresh(w));
    for (const t of ['~traffick', 'zzzz', 'traffickin', '']) expect(fromCache.stemOf(t), t).toBeUndefined();
  });

  it('but not a stem it lacks (a marked stem missing from the terms)', () => {
    const terms = ['returnees', '~return', 'return'];
    expect(stemNumbers(terms)).toEqual([1, 1, 2]);
    const numbers = stemNumbers(['returnees', 'return']);
    expect(numbers).toEqual([NO_STEM, 1]);
    const vocabulary = new Vocabulary(['returnees', 'return'], [], sortedOrder(['returnees', 'return']), numbers);
    expect(vocabulary.stemOf('returnees')).toBeUndefined();
    expect(vocabulary.stemOf('return')).toBe('return');
  });
});

describe('withinOneEdit', () => {
  it('tells strings at most one insertion, removal or replacement apart', () => {
    expect(withinOneEdit('migrant', 'migrant')).toBe(true);
    expect(withinOneEdit('migrnt', 'migrant')).toBe(true);
    expect(withinOneEdit('migrants', 'migrant')).toBe(true);
    expect(withinOneEdit('migrent', 'migrant')).toBe(true);
    expect(withinOneEdit('retrun', 'return')).toBe(false); // a swap is two
    expect(withinOneEdit('aab', 'b')).toBe(false);
    expect(withinOneEdit('', 'a')).toBe(true);
  });
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '𝒜'), maxLength: 7 });
  test.prop([word, word])('agrees with the Levenshtein distance', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
  });
});

describe('withinEdits', () => {
  it('counts insertions, removals and replacements, a swap as two', () => {
    expect(withinEdits('trafficking', 'trafficking', 2)).toBe(true);
    expect(withinEdits('trafikcing', 'trafficking', 2)).toBe(false); // an f missing and a swap: three
    expect(withinEdits('traficking', 'trafficking', 2)).toBe(true);
    expect(withinEdits('trafficing', 'trafficking', 2)).toBe(true);
    expect(withinEdits('retrun', 'return', 2)).toBe(true);
    expect(withinEdits('retrun', 'return', 1)).toBe(false);
    expect(withinEdits('abc', '', 3)).toBe(true);
    expect(withinEdits('abcd', '', 3)).toBe(false);
    expect(withinEdits('smuggling', 'smugling', 2)).toBe(true);
    expect(withinEdits('smuggling', 'smuggle', 2)).toBe(false); // i replaced, n and g removed: three
    expect(withinEdits('smuggling', 'smuggle', 3)).toBe(true);
  });

  // small alphabets, so that near strings are common; a surrogate pair counts as two units, as distance counts
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 14 });
  test.prop([text, text, fc.integer({ min: 0, max: 4 })], { numRuns: 3000 })(
    'says what fastest-levenshtein says',
    (a, b, k) => {
      expect(withinEdits(a, b, k)).toBe(distance(a, b) <= k);
    },
  );
});
