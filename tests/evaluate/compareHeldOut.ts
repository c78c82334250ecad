import path from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { readExpectedFolder, scoreFolder, type Figures } from '../parse/scoreLayouts.js';
import { evaluateRanking, JUDGED_SETS, type JudgedSet } from '../query/evaluateRanking.js';

/**
 * The figures of the tuned sets beside those of the held-back set (tests/heldout: pages and judged queries
 * written from the issues' descriptions only, never tuned on), as markdown tables. Run by `npm run eval`.
 */
const ROOT = packageRoot();
const HELD_OUT = path.join(ROOT, 'tests', 'heldout');
const HELD_OUT_QUERIES: JudgedSet = {
  name: 'heldout/queries.json',
  file: path.join(HELD_OUT, 'queries.json'),
  pages: path.join(HELD_OUT, 'pages'),
};

const f3 = (x: number) => x.toFixed(3);

/** Parsing: title precision and recall, listed dates, primary country, furniture taken as items. */
export function parsingTable(): string {
  const sets: Array<[string, Figures]> = [
    ['tuned: tests/fixtures/layouts', scoreFolder(readExpectedFolder(path.join(ROOT, 'tests/fixtures/layouts'))).total],
    ['held back: tests/heldout', scoreFolder(readExpectedFolder(HELD_OUT)).total],
  ];
  const rows = sets.map(
    ([name, f]) =>
      `| ${name} | ${f.pages} | ${f.expected} | ${f3(f.precision)} | ${f3(f.recall)} | ${f3(f.dateAccuracy)} | ${f3(f.primaryAccuracy)} | ${f.furnitureItems} |`,
  );
  return [
    '| pages | files | items | precision | recall | listed dates | primary country | furniture as items |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Ranking: nDCG@10 and recall@20 overall and per kind, and natural questions that found nothing. */
export function rankingTable(): string {
  const tuned = evaluateRanking({}, JUDGED_SETS);
  const held = evaluateRanking({}, [HELD_OUT_QUERIES]);
  const kinds = [...new Set([...Object.keys(tuned.byKind), ...Object.keys(held.byKind)])].sort();
  const cell = (s?: { queries: number; meso: { ndcg: number; recall: number } }) =>
    s ? `${f3(s.meso.ndcg)} / ${f3(s.meso.recall)} (${s.queries})` : '–';
  const plain = (s: { plain: { ndcg: number; recall: number } }) => `${f3(s.plain.ndcg)} / ${f3(s.plain.recall)}`;
  const silent = (rows: typeof tuned.rows) => rows.filter((r) => r.kind === 'question' && r.found === 0).length;
  return [
    '| nDCG@10 / recall@20 (queries) | tuned sets | held back |',
    '|---|---|---|',
    `| all | ${cell(tuned)} | ${cell(held)} |`,
    ...kinds.map((k) => `| ${k} | ${cell(tuned.byKind[k])} | ${cell(held.byKind[k])} |`),
    `| plain MiniSearch, all | ${plain(tuned)} | ${plain(held)} |`,
    `| natural questions that found nothing | ${silent(tuned.rows)} | ${silent(held.rows)} |`,
  ].join('\n');
}
