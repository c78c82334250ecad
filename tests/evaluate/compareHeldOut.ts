import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { readExpectedFolder, scoreFolder, type Figures } from '../parse/scoreLayouts.js';
import { evaluateRanking, JUDGED_SETS, type JudgedSet } from '../query/evaluateRanking.js';

/**
 * The figures of the tuned sets beside those of the held-back sets (tests/heldout, tests/heldout2: pages and
 * judged queries written from the issues' descriptions only; tests/heldout3: pages only, written by a helper who
 * had not seen meso's output; never tuned on), as markdown tables. Run by `npm run eval`.
 */
const ROOT = packageRoot();
const HELD_BACK_PAGES = ['heldout', 'heldout2', 'heldout3']
  .map((name) => ({ name, dir: path.join(ROOT, 'tests', name) }))
  .filter((s) => existsSync(s.dir));
/** the held-back sets with judged queries (heldout3 has pages only) */
const HELD_BACK = HELD_BACK_PAGES.filter((s) => existsSync(path.join(s.dir, 'queries.json')));
const heldQueries = (s: { name: string; dir: string }): JudgedSet => ({
  name: `${s.name}/queries.json`,
  file: path.join(s.dir, 'queries.json'),
  pages: path.join(s.dir, 'pages'),
});

const f3 = (x: number) => x.toFixed(3);

/** Parsing: title precision and recall, listed dates, primary country, furniture taken as items. */
export function parsingTable(): string {
  const tuned = ['layouts', 'site2', 'site3', 'site4', 'probe1', 'probe2']
    .map((name) => path.join(ROOT, 'tests/fixtures', name))
    .filter((dir) => existsSync(dir))
    .map((dir): [string, Figures] => [
      `tuned: ${path.relative(ROOT, dir)}`,
      scoreFolder(readExpectedFolder(dir)).total,
    ]);
  const held = HELD_BACK_PAGES.map((s): [string, Figures] => [
    `held back: tests/${s.name}`,
    scoreFolder(readExpectedFolder(s.dir)).total,
  ]);
  const rows = [...tuned, ...held].map(
    ([name, f]) =>
      `| ${name} | ${f.pages} | ${f.expected} | ${f3(f.precision)} | ${f3(f.recall)} | ${f3(f.dateAccuracy)} | ${f3(f.primaryAccuracy)} | ${f.furnitureItems} |`,
  );
  return [
    '| pages | files | items | precision | recall | listed dates | primary country | furniture as items |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Ranking: nDCG@10, recall@20 and precision@20 overall and per kind, and natural questions that found nothing. */
export function rankingTable(): string {
  const columns = [
    { name: 'tuned sets', result: evaluateRanking({}, JUDGED_SETS) },
    ...HELD_BACK.map((s) => ({ name: `held back: ${s.name}`, result: evaluateRanking({}, [heldQueries(s)]) })),
  ];
  const kinds = [...new Set(columns.flatMap((c) => Object.keys(c.result.byKind)))].sort();
  const cell = (s?: { queries: number; meso: { ndcg: number; recall: number; precision: number } }) =>
    s ? `${f3(s.meso.ndcg)} / ${f3(s.meso.recall)} / ${f3(s.meso.precision)} (${s.queries})` : '–';
  const plain = (s: { plain: { ndcg: number; recall: number; precision: number } }) =>
    `${f3(s.plain.ndcg)} / ${f3(s.plain.recall)} / ${f3(s.plain.precision)}`;
  const silent = (rows: Array<{ kind: string; found: number }>) =>
    rows.filter((r) => r.kind === 'question' && r.found === 0).length;
  const row = (label: string, f: (r: (typeof columns)[number]['result']) => string | number) =>
    `| ${label} | ${columns.map((c) => f(c.result)).join(' | ')} |`;
  return [
    `| nDCG@10 / recall@20 / precision@20 (queries) | ${columns.map((c) => c.name).join(' | ')} |`,
    `|---|${columns.map(() => '---|').join('')}`,
    row('all', cell),
    ...kinds.map((k) => row(k, (r) => cell(r.byKind[k]))),
    row('plain MiniSearch, all', plain),
    row('natural questions that found nothing', (r) => silent(r.rows)),
  ].join('\n');
}
