import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus, type Corpus } from '../../src/load/loadCorpus.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { bundledPagesDir, packageRoot } from '../../src/paths.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankQuery } from '../../src/query/queryTerms.js';
import type { SearchOptions } from '../../src/query/searchItems.js';
import { normalizeText } from '../../src/text/normalizeText.js';

/** A judged query of tests/fixtures/queries*.json. */
export interface Judged {
  query: string;
  kind: string;
  relevant: Array<{ title: string; grade: number }>;
}

const FIXTURES = path.join(packageRoot(), 'tests', 'fixtures');

/**
 * The judged query sets, each over its own pages: the bundled pages (queries.json, queries-more.json), the
 * layout fixture pages (layouts/queries.json), the site2 to site5 pages (site2/ … site5/queries.json,
 * each written from the issue text by someone who had not seen the ranking), when present.
 */
export const JUDGED_SETS: JudgedSet[] = [
  { name: 'queries.json', file: path.join(FIXTURES, 'queries.json'), pages: bundledPagesDir() },
  { name: 'queries-more.json', file: path.join(FIXTURES, 'queries-more.json'), pages: bundledPagesDir() },
  {
    name: 'layouts/queries.json',
    file: path.join(FIXTURES, 'layouts/queries.json'),
    pages: path.join(FIXTURES, 'layouts/pages'),
  },
  {
    name: 'site2/queries.json',
    file: path.join(FIXTURES, 'site2/queries.json'),
    pages: path.join(FIXTURES, 'site2/pages'),
  },
  {
    name: 'site3/queries.json',
    file: path.join(FIXTURES, 'site3/queries.json'),
    pages: path.join(FIXTURES, 'site3/pages'),
  },
  {
    name: 'site4/queries.json',
    file: path.join(FIXTURES, 'site4/queries.json'),
    pages: path.join(FIXTURES, 'site4/pages'),
  },
  {
    name: 'site5/queries.json',
    file: path.join(FIXTURES, 'site5/queries.json'),
    pages: path.join(FIXTURES, 'site5/pages'),
  },
].filter((s) => existsSync(s.file));

/** A judged file and the pages its queries are over. */
export interface JudgedSet {
  name: string;
  file: string;
  pages: string;
}

/** The queries of one judged file. */
export const readJudged = (file: string): Judged[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { queries: Judged[] }).queries;

/** nDCG@k of a ranked list of titles against graded judgements (gain 2^grade − 1, log2 discount). */
export function ndcg(ranked: string[], judged: Judged['relevant'], k: number): number {
  const grade = new Map(judged.map((j) => [normalizeText(j.title), j.grade]));
  const dcg = ranked.slice(0, k).reduce((s, t, i) => s + (2 ** (grade.get(t) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...grade.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

/** Share of the relevant items found in the first k. */
export function recall(ranked: string[], judged: Judged['relevant'], k: number): number {
  const top = new Set(ranked.slice(0, k));
  return judged.filter((j) => top.has(normalizeText(j.title))).length / judged.length;
}

/**
 * Share of the first k results (all of them, when fewer) that are judged relevant; an unjudged result counts as
 * not relevant, and no result at all as 1 (nothing shown that is not relevant). What recall cannot see: results
 * that should not be there.
 */
export function precision(ranked: string[], judged: Judged['relevant'], k: number): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 1;
  const relevant = new Set(judged.filter((j) => j.grade > 0).map((j) => normalizeText(j.title)));
  return top.filter((t) => relevant.has(t)).length / top.length;
}

export interface Row {
  set: string;
  query: string;
  kind: string;
  /** how many items meso returned */
  found: number;
  /** judged titles the parser did not find in the set's pages (nothing can rank them) */
  missing: number;
  meso: { ndcg: number; recall: number; precision: number };
  plain: { ndcg: number; recall: number; precision: number };
}

/** Mean nDCG@10, recall@20 and precision@20 of some rows, for meso and for plain MiniSearch. */
export function summarize(rows: Row[]) {
  const mean = (f: (r: Row) => number) => (rows.length ? rows.reduce((s, r) => s + f(r), 0) / rows.length : 0);
  return {
    queries: rows.length,
    meso: {
      ndcg: mean((r) => r.meso.ndcg),
      recall: mean((r) => r.meso.recall),
      precision: mean((r) => r.meso.precision),
    },
    plain: {
      ndcg: mean((r) => r.plain.ndcg),
      recall: mean((r) => r.plain.recall),
      precision: mean((r) => r.plain.precision),
    },
  };
}

const corpora = new Map<string, Corpus>();

/** Ranking options to measure with (by default, what commands use). */
export type RankOptions = Parameters<typeof rankQuery>[3] & Pick<SearchOptions, 'expansions'>;

/** Runs the judged queries of one set through meso's search and through plain MiniSearch with default options. */
function evaluateSet(set: JudgedSet, options: RankOptions): Row[] {
  let corpus = corpora.get(set.pages);
  if (!corpus) corpora.set(set.pages, (corpus = loadCorpus({ paths: [set.pages] })));
  const plain = new MiniSearch({ fields: ['title', 'summary'], storeFields: ['title'] });
  plain.addAll(corpus.items.map((i) => ({ id: i.id, title: i.title, summary: i.summary })));
  const titleOf = (id: string) => corpus.byId.get(id)!.title;
  const titles = new Set(corpus.items.map((i) => normalizeText(i.title)));
  return readJudged(set.file).map((q) => {
    // as commands rank: from an index loaded with the query's terms only
    const meso = rankQuery(corpus, parseQuery(q.query), getEnrichers(), options).map((h) => h.item.title);
    const base = plain.search(q.query).map((r) => titleOf(r.id as string));
    return {
      set: set.name,
      query: q.query,
      kind: q.kind,
      found: meso.length,
      missing: q.relevant.filter((r) => !titles.has(normalizeText(r.title))).length,
      meso: {
        ndcg: ndcg(meso, q.relevant, 10),
        recall: recall(meso, q.relevant, 20),
        precision: precision(meso, q.relevant, 20),
      },
      plain: {
        ndcg: ndcg(base, q.relevant, 10),
        recall: recall(base, q.relevant, 20),
        precision: precision(base, q.relevant, 20),
      },
    };
  });
}

/**
 * Every judged set: all rows, the means over them all, per set and per kind of query. `parsed` holds the rows
 * of the sets whose judged items the parser all finds in their pages: those measure ranking alone.
 */
export function evaluateRanking(options: RankOptions = {}, sets: JudgedSet[] = JUDGED_SETS) {
  const rows = sets.flatMap((set) => evaluateSet(set, options));
  const incomplete = new Set(rows.filter((r) => r.missing > 0).map((r) => r.set));
  const parsed = rows.filter((r) => !incomplete.has(r.set));
  const group = (key: (r: Row) => string) =>
    Object.fromEntries(
      [...new Set(rows.map(key))].map((k) => [k, summarize(rows.filter((r) => key(r) === k))] as const),
    );
  return {
    rows,
    ...summarize(rows),
    parsed: { rows: parsed, ...summarize(parsed) },
    incomplete: [...incomplete],
    bySet: group((r) => r.set),
    byKind: group((r) => r.kind),
  };
}
