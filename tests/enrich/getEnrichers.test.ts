import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  compileEnrichers,
  enrichersForQuery,
  getEnrichers,
  LOOKUPS_BEFORE_WHOLE,
  PhraseLines,
  tableFromText,
  tableText,
} from '../../src/enrich/getEnrichers.js';
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { bundledPagesDir, packageRoot } from '../../src/paths.js';
import { namedTags } from '../../src/query/namedTags.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankQuery } from '../../src/query/queryTerms.js';

const fixture = (f: string) =>
  (
    JSON.parse(readFileSync(path.join(packageRoot(), 'tests', 'fixtures', f), 'utf8')) as {
      queries: { query: string }[];
    }
  ).queries.map((q) => q.query);

/** The judged queries, and some that name countries and topics in every way a name can be written. */
const QUERIES = [
  ...fixture('queries.json'),
  ...fixture('queries-more.json'),
  'guatemalteco',
  'guatemaltecos deportados',
  'Costa Rica',
  'costa rica',
  'MX',
  'mex',
  'Estados Unidos',
  'Petén',
  'trata de personas',
  'smuggling',
  'trafficking Honduras',
  'hurricane relief',
  'coffee farmers',
  'anti-trafficking',
  'returnees',
  '"voluntary return" -Mexico',
  'title:Panama',
  'traffick*',
];

describe('enrichersForQuery', () => {
  const full = getEnrichers();

  it('names the same countries and topics as the full tables, for every query', () => {
    for (const q of QUERIES) {
      const query = parseQuery(q);
      const chosen = enrichersForQuery(q);
      expect([q, namedTags(query, chosen.gazetteer, chosen.topics)]).toEqual([
        q,
        namedTags(query, full.gazetteer, full.topics),
      ]);
    }
  });

  it('ranks the bundled pages as the full tables do, for every query', () => {
    const corpus = loadCorpus({ paths: [bundledPagesDir()] });
    const ranked = (q: string, e: typeof full) =>
      rankQuery(corpus, parseQuery(q), e).map((h) => [h.item.id, Math.round(h.score * 1e6)]);
    for (const q of QUERIES) expect([q, ranked(q, enrichersForQuery(q))]).toEqual([q, ranked(q, full)]);
  });

  it('reads a table only when a word of the query can start one of its names', () => {
    const empty = (q: string) => {
      const e = enrichersForQuery(q);
      return { gazetteer: e.gazetteer.table.byFirst.size === 0, topics: e.topics.table.byFirst.size === 0 };
    };
    expect(empty('coffee farmers')).toEqual({ gazetteer: true, topics: true });
    expect(empty('trafficking')).toEqual({ gazetteer: true, topics: false });
    expect(empty('guatemalteco')).toEqual({ gazetteer: false, topics: true });
    expect(empty('trata de personas en México')).toEqual({ gazetteer: false, topics: false });
  });
});

describe('the compiled tables as the build writes them (tableText) and a run reads them (tableFromText)', () => {
  /** a table with its phrases by first word as a plain map, to compare */
  const plain = <T extends { table: { byFirst: ReadonlyMap<string, unknown> } }>(e: T) => ({
    ...e,
    table: { ...e.table, byFirst: new Map(e.table.byFirst) },
  });

  it('read back equal to the tables compiled from data/, maps and all', () => {
    const now = compileEnrichers();
    const topics = tableFromText('topics', tableText('topics', now));
    const gazetteer = tableFromText('gazetteer', tableText('gazetteer', now));
    expect(gazetteer.lookup).toBeInstanceOf(Map);
    expect(gazetteer.lookup.size).toBeGreaterThan(100);
    expect(topics.table.byFirst.size).toBe(now.topics.table.byFirst.size);
    expect(plain(topics)).toEqual(plain(now.topics));
    expect(plain(gazetteer)).toEqual(plain(now.gazetteer));
  });

  it('finds each first word as the compiled map does, parsing only the line looked up', () => {
    const byFirst = compileEnrichers().gazetteer.table.byFirst;
    const words = [...byFirst.keys()];
    const lines = new PhraseLines(PhraseLines.write(byFirst));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(lines.get(words[7]!)).toEqual(byFirst.get(words[7]!));
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
    for (const w of words) expect([w, lines.get(w)]).toEqual([w, byFirst.get(w)]);
    // a word's start or end, a line's tab or break, two words, nothing: not words of the table
    const absent = [
      '',
      '\t',
      '\n',
      `${words[0]}\t`,
      words[0]!.slice(0, -1),
      words[0]!.slice(1),
      `${words[0]} ${words[1]}`,
    ];
    for (const w of absent.filter((w) => !byFirst.has(w))) expect([w, lines.get(w)]).toEqual([w, undefined]);
  });

  it('parses every line once after a query’s few words, then searches no more (enriching a corpus asks for them all)', () => {
    const byFirst = compileEnrichers().topics.table.byFirst;
    const lines = new PhraseLines(PhraseLines.write(byFirst));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (let i = 0; i < LOOKUPS_BEFORE_WHOLE; i++) expect(lines.get(`absent${i}`)).toBeUndefined();
      expect(parse).toHaveBeenCalledTimes(0);
      const word = [...byFirst.keys()][3]!;
      expect(lines.get(word)).toEqual(byFirst.get(word)); // the next new word: every line, once
      expect(parse).toHaveBeenCalledTimes(byFirst.size);
      for (const w of byFirst.keys()) expect(lines.get(w)).toEqual(byFirst.get(w));
      expect(lines.get('absent-again')).toBeUndefined();
      expect(parse).toHaveBeenCalledTimes(byFirst.size);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses to write a first word its lines could not hold', () => {
    expect(() => PhraseLines.write(new Map([['a\tb', []]]))).toThrow(/tab or a line break/);
  });
});
