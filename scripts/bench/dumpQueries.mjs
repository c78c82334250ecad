// @ts-check
// Dumps what meso prints for a fixed set of searches, so that two builds can be compared byte for byte (a speed
// change must not change results): about 40 queries with `--json --limit 50` over the benchmark's 10,000-item
// synthetic corpus, and every judged query over its own pages, all from a warm cache. Not part of `npm test`.
//
//   node scripts/bench/dumpQueries.mjs --bin bin/meso.js --out /tmp/dump-after [--corpus /tmp/meso-dump-corpus]
//   diff -r /tmp/dump-before /tmp/dump-after
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSeedItems, writeCorpus } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Searches over the 10,000-item corpus: plain words, expansions, tags, filters, sorting, strictness, typos. */
const QUERIES = [
  'trafficking',
  'smuggling',
  'migrants',
  'IOM',
  'jobs for migrants',
  'trata de personas',
  'tráfico ilícito de migrantes',
  'what did IOM do about hurricanes in Honduras',
  'health care for migrants in Chiapas',
  'voluntary return',
  'information hubs',
  'migrant children',
  '"trafficking in persons"',
  '"Regional Conference on Migration"',
  'traffick*',
  'repatr*',
  'title:trafficking',
  'trafficking -Honduras',
  'Costa Rica -trafficking',
  'Costa Rica',
  'Mexico',
  'Guatemala',
  'El Salvador',
  'Haitian migrants in Mexico',
  'guatemalteco',
  'health',
  'children',
  'labour',
  'natural disasters',
  'traficking',
  'Tapachla',
  'psych*',
  'ILO',
  'RCM',
  'deportees',
  'coffee farmers',
  'border management Guatemala',
  'LGBTI',
  'xenophobia psychosocial',
  'Mesoamerica Program',
];

/** Extra flags tried with some of the queries. */
const VARIANTS = [
  ['trafficking', '--sort', 'date'],
  ['trafficking', '--country', 'Mexico'],
  ['migrants', '--topic', 'health'],
  ['migrants', '--since', '2020-01', '--until', '2021-06-30'],
  ['trafficking Honduras', '--all'],
  ['+trafficking Honduras'],
  ['jobs for migrants', '--explain'],
  ['Costa Rica', '--explain'],
  ['trafficking', '--limit', '500'],
  ['migrants', '--sort', 'date', '--limit', '200'],
];

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i]?.replace(/^--/, '') ?? ''] = argv[i + 1] ?? '';
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (!args.bin || !args.out) {
  console.error('usage: node scripts/bench/dumpQueries.mjs --bin path/to/bin/meso.js --out dir [--corpus dir]');
  process.exit(2);
}
const bin = path.resolve(args.bin);
const out = path.resolve(args.out);
const corpusDir = path.resolve(args.corpus ?? '/tmp/meso-dump-corpus');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const cacheDir = path.join(out, '.cache');
const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', MESO_TIMINGS: '' };

/** @param {string[]} argv */
const meso = (argv) => spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env, maxBuffer: 1 << 28 });

if (!fs.existsSync(path.join(corpusDir, 'page-00099.txt'))) {
  const list = meso(['list', '--json', '--no-cache', '--quiet']);
  writeCorpus(10000, corpusDir, readSeedItems(list.stdout), path.join(root, 'data', 'pages'));
}

/** @param {string} name @param {string[]} argv */
function dump(name, argv) {
  const r = meso([argv[0] ?? '', '--cache-dir', cacheDir, ...argv.slice(1)]);
  fs.writeFileSync(path.join(out, name), `status ${r.status}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`);
}

// fill the caches, then every query reads a warm one
meso(['list', '--json', '--data', corpusDir, '--cache-dir', cacheDir]);
let n = 0;
const label = () => String(++n).padStart(3, '0');
const search = (/** @type {string} */ q, /** @type {string[]} */ flags, /** @type {string} */ data) => [
  'search',
  '--json',
  '--limit',
  '50',
  ...flags,
  '--data',
  data,
  '--',
  ...q.split(' '),
];
for (const q of QUERIES) dump(`10k-${label()}.txt`, search(q, [], corpusDir));
for (const [q, ...flags] of VARIANTS) dump(`10k-${label()}.txt`, search(q ?? '', flags, corpusDir));
dump(`10k-${label()}.txt`, ['similar', '--json', '--limit', '50', '--data', corpusDir, firstId(corpusDir)]);
// every item as parsed and enriched, and timelines (which read them all)
dump(`10k-${label()}.txt`, ['list', '--json', '--limit', 'all', '--data', corpusDir]);
dump(`10k-${label()}.txt`, ['timeline', '--by', 'year', '--json', '--data', corpusDir]);

/** @param {string} dir */
function firstId(dir) {
  const items = JSON.parse(meso(['list', '--json', '--limit', '1', '--data', dir, '--cache-dir', cacheDir]).stdout);
  return items[0].id;
}

// every judged query over its own pages
const fixtures = path.join(root, 'tests', 'fixtures');
const sets = [
  ['queries.json', path.join(root, 'data', 'pages')],
  ['queries-more.json', path.join(root, 'data', 'pages')],
  ['layouts/queries.json', path.join(fixtures, 'layouts', 'pages')],
  ['site2/queries.json', path.join(fixtures, 'site2', 'pages')],
];
for (const [file, pages] of sets) {
  const judged = path.join(fixtures, file ?? '');
  if (!fs.existsSync(judged)) continue;
  dump(`pages-${label()}.txt`, ['list', '--json', '--limit', 'all', '--data', pages ?? '']);
  /** @type {{ queries: { query: string }[] }} */
  const { queries } = JSON.parse(fs.readFileSync(judged, 'utf8'));
  for (const q of queries) dump(`judged-${label()}.txt`, search(q.query, [], pages ?? ''));
}
fs.rmSync(cacheDir, { recursive: true, force: true });
console.error(`${n} outputs in ${out}`);
