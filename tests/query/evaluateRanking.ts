import MiniSearch from 'minisearch';
import queries from '../fixtures/queries.json' with { type: 'json' };
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { bundledPagesDir } from '../../src/paths.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankQuery } from '../../src/query/queryTerms.js';
import { normalizeText } from '../../src/text/normalizeText.js';

/** A judged query of tests/fixtures/queries.json. */
export interface Judged {
  query: string;
  kind: string;
  relevant: Array<{ title: string; grade: number }>;
}

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

/** Runs every judged query through meso's search and through plain MiniSearch with default options. */
export function evaluateRanking() {
  const corpus = loadCorpus({ paths: [bundledPagesDir()] });
  const plain = new MiniSearch({ fields: ['title', 'summary'], storeFields: ['title'] });
  plain.addAll(corpus.items.map((i) => ({ id: i.id, title: i.title, summary: i.summary })));
  const titleOf = (id: string) => corpus.byId.get(id)!.title;
  const rows = (queries.queries as Judged[]).map((q) => {
    const parsed = parseQuery(q.query);
    // as commands rank: from an index loaded with the query's terms only
    const meso = rankQuery(corpus, parsed, getEnrichers()).map((h) => h.item.title);
    const base = plain.search(q.query).map((r) => titleOf(r.id as string));
    return {
      query: q.query,
      kind: q.kind,
      meso: { ndcg: ndcg(meso, q.relevant, 10), recall: recall(meso, q.relevant, 20) },
      plain: { ndcg: ndcg(base, q.relevant, 10), recall: recall(base, q.relevant, 20) },
    };
  });
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return {
    rows,
    meso: { ndcg: mean((r) => r.meso.ndcg), recall: mean((r) => r.meso.recall) },
    plain: { ndcg: mean((r) => r.plain.ndcg), recall: mean((r) => r.plain.recall) },
  };
}
