import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileEnrichers,
  enrichersForQuery,
  getEnrichers,
  tableFromJson,
  tableJson,
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

describe('the compiled tables as the build writes them (tableJson) and a run reads them (tableFromJson)', () => {
  it('read back equal to the tables compiled from data/, maps and all', () => {
    const now = compileEnrichers();
    const topics = tableFromJson('topics', tableJson('topics', now));
    const gazetteer = tableFromJson('gazetteer', tableJson('gazetteer', now));
    expect(topics.table.byFirst).toBeInstanceOf(Map);
    expect(gazetteer.table.byFirst).toBeInstanceOf(Map);
    expect(gazetteer.lookup).toBeInstanceOf(Map);
    expect(gazetteer.lookup.size).toBeGreaterThan(100);
    expect({ gazetteer, topics }).toEqual(now);
  });
});
