#!/usr/bin/env node
// Benchmark for meso: whole-process wall times, index/cache figures and peak memory over synthetic corpora.
// Usage: npm run bench -- [--sizes 50,1000,10000,100000] [--runs 7] [--out bench-out]
// See docs/benchmarks.md for what each row means.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MESO = path.join(ROOT, 'bin', 'meso.js');
const NODE = process.execPath;
const QUERY = 'trafficking';

// ---------- options ----------
function parseArgs(argv) {
  const opts = { sizes: [50, 1000, 10000, 100000], runs: 7, out: path.join(ROOT, 'bench-out') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes')
      opts.sizes = value()
        .split(',')
        .map((s) => Number(s.trim()));
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/bench.mjs [--sizes 50,1000,10000,100000] [--runs 7] [--out bench-out]');
      process.exit(0);
    } else die(`unknown option ${argv[i]}`);
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1))
    die('--sizes takes positive integers, comma-separated');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) die('--runs takes a positive integer');
  return opts;
}

function die(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---------- processes ----------
function has(cmd, args = ['--version']) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

// Run once, stdout discarded; abort unless the exit status is 0 (or 1: no results). Returns wall ms.
function timeOnce(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  checkExit(r, cmd, args);
  return ms;
}

function checkExit(r, cmd, args) {
  if (r.error || (r.status !== 0 && r.status !== 1)) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    die(`${cmd} ${args.join(' ')} failed (${why})\n${String(r.stderr ?? '').slice(-2000)}`);
  }
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  checkExit(r, cmd, args);
  return r;
}

// Peak memory (max RSS, KB): GNU time if present, else a Node --import hook that records each node process's maxRSS.
const GNU_TIME = fs.existsSync('/usr/bin/time') && has('/usr/bin/time', ['-f', '%M', 'true']) ? '/usr/bin/time' : null;
function peakRssKb(cmd, args, out) {
  if (GNU_TIME) {
    const r = run(GNU_TIME, ['-f', '%M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    return Number(r.stderr.trim().split('\n').pop());
  }
  const hook = path.join(out, 'rss-hook.mjs');
  const file = path.join(out, 'rss.txt');
  fs.writeFileSync(
    hook,
    `import fs from 'node:fs';\nprocess.on('exit', () => fs.appendFileSync(${JSON.stringify(file)}, process.resourceUsage().maxRSS + '\\n'));\n`,
  );
  fs.rmSync(file, { force: true });
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(`file://${hook}`)}`,
  };
  run(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const values = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map(Number) : [];
  return values.length ? Math.max(...values) : null;
}

// ---------- corpus ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const words = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

function seedItems() {
  const r = run(MESO, ['list', '--json', '--no-cache', '--quiet']);
  const items = JSON.parse(r.stdout).map((it) => ({ title: it.title, summary: it.summary.replace(/\s+/g, ' ') }));
  if (!items.length) die('bin/meso.js list returned no items to seed the corpora');
  return items;
}

function shuffled(list, rand) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function synthItems(n, seeds) {
  const rand = mulberry32(0x6d65736f + n);
  const pick = () => seeds[Math.floor(rand() * seeds.length)];
  const start = Date.UTC(2015, 0, 1);
  const days = (Date.UTC(2024, 11, 31) - start) / 864e5 + 1;
  const items = [];
  for (let i = 0; i < n; i++) {
    const a = pick();
    const b = pick();
    const titleWords = shuffled([...words(a.title), ...words(b.title).slice(0, 4)], rand).slice(
      0,
      6 + Math.floor(rand() * 9),
    );
    const summaryWords = shuffled([...words(a.summary), ...words(b.summary)], rand).slice(
      0,
      30 + Math.floor(rand() * 41),
    );
    const title = `${titleWords.join(' ').replace(/^./, (c) => c.toUpperCase())} no. ${i + 1}`;
    const summary = `${summaryWords
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase())
      .replace(/[.,;:]*$/, '')}.`;
    const d = new Date(start + Math.floor(rand() * days) * 864e5);
    items.push({
      title,
      summary,
      date: d,
      dateLine: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()}`,
    });
  }
  return items;
}

// Writes <out>/corpus-<n>/ and returns the items it holds (title, summary) for sqlite and the plain scripts.
function writeCorpus(n, dir, seeds) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (n === 50) {
    for (const f of fs.readdirSync(path.join(ROOT, 'data', 'pages')))
      fs.copyFileSync(path.join(ROOT, 'data', 'pages', f), path.join(dir, f));
    return seeds;
  }
  const items = synthItems(n, seeds);
  for (let p = 0; p * 100 < n; p++) {
    const page = items.slice(p * 100, p * 100 + 100).map((it) => `${it.dateLine}\n\n${it.title}\n\n${it.summary}\n`);
    fs.writeFileSync(path.join(dir, `page-${String(p).padStart(5, '0')}.txt`), page.join('\n'));
  }
  return items;
}

const dirBytes = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .reduce((s, e) => s + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0)
    : 0;

// ---------- baselines ----------
function writePlainScripts(out) {
  const minisearch = import.meta.resolve('minisearch');
  const common = `import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from ${JSON.stringify(minisearch)};
const DATE = /^(\\d{1,2} [A-Za-z]+,? \\d{4}|[A-Za-z]+ \\d{1,2}, \\d{4})$/;
// Split pages simply: dated blocks (date, title, summary paragraphs) or undated title/summary line pairs.
export function readItems(dir) {
  const items = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split(/\\r?\\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.some((l) => DATE.test(l))) {
      let cur = null;
      for (const l of lines) {
        if (DATE.test(l)) { cur = { title: null, summary: '' }; items.push(cur); }
        else if (cur && cur.title === null) cur.title = l;
        else if (cur) cur.summary += (cur.summary ? ' ' : '') + l;
      }
    } else {
      for (let i = 0; i < lines.length; i += 2) items.push({ title: lines[i], summary: lines[i + 1] ?? '' });
    }
  }
  return items.map((it, id) => ({ id, title: it.title ?? '', summary: it.summary }));
}
export const OPTIONS = { fields: ['title', 'summary'] };
export { MiniSearch };
`;
  fs.writeFileSync(path.join(out, 'plain-common.mjs'), common);
  fs.writeFileSync(
    path.join(out, 'plain-minisearch.mjs'),
    `// Rebuild the index on every run, then search.
import { readItems, MiniSearch, OPTIONS } from './plain-common.mjs';
const ms = new MiniSearch(OPTIONS);
ms.addAll(readItems(process.argv[2]));
console.log(ms.search(${JSON.stringify(QUERY)}).length);
`,
  );
  fs.writeFileSync(
    path.join(out, 'plain-loadjson.mjs'),
    `// "save <corpus dir> <file>" once; "load <file>": MiniSearch.loadJSON, then search.
import fs from 'node:fs';
import { readItems, MiniSearch, OPTIONS } from './plain-common.mjs';
const [mode, a, b] = process.argv.slice(2);
if (mode === 'save') {
  const ms = new MiniSearch(OPTIONS);
  ms.addAll(readItems(a));
  fs.writeFileSync(b, JSON.stringify(ms));
} else {
  const ms = MiniSearch.loadJSON(fs.readFileSync(a, 'utf8'), OPTIONS);
  console.log(ms.search(${JSON.stringify(QUERY)}).length);
}
`,
  );
}

// A plain MiniSearch index (loadJSON of the saved file) kept in a V8 start-up snapshot: the floor of the
// snapshot approach on the same items, with nothing of meso's in it. Bundled into one CommonJS file, as
// --build-snapshot requires.
async function buildPlainSnapshot(out, json, blob) {
  const entry = path.join(out, 'plain-snapshot.cjs');
  const { build } = await import('esbuild');
  await build({
    stdin: {
      contents: `const fs = require('node:fs');
const v8 = require('node:v8');
const MiniSearch = require('minisearch');
const ms = MiniSearch.loadJSON(fs.readFileSync(process.env.PLAIN_INDEX, 'utf8'), { fields: ['title', 'summary'] });
v8.startupSnapshot.setDeserializeMainFunction(() => console.log(ms.search(${JSON.stringify(QUERY)}).length));
`,
      resolveDir: ROOT,
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: entry,
    logLevel: 'warning',
  });
  fs.rmSync(blob, { force: true });
  run(NODE, ['--snapshot-blob', blob, '--build-snapshot', entry], {
    env: { ...process.env, PLAIN_INDEX: json },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

// A start-up snapshot of a script that does nothing: what restoring any snapshot costs before meso's own heap.
function emptySnapshot(out) {
  const entry = path.join(out, 'empty-snapshot.cjs');
  const blob = path.join(out, 'empty-snapshot.blob');
  fs.writeFileSync(entry, "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");
  run(NODE, ['--snapshot-blob', blob, '--build-snapshot', entry], { stdio: ['ignore', 'ignore', 'pipe'] });
  return blob;
}

function buildSqlite(items, db, sqlFile) {
  fs.rmSync(db, { force: true });
  const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
  const lines = ['CREATE VIRTUAL TABLE items USING fts5(title, summary);', 'BEGIN;'];
  for (const it of items) lines.push(`INSERT INTO items(title, summary) VALUES (${q(it.title)}, ${q(it.summary)});`);
  lines.push('COMMIT;');
  fs.writeFileSync(sqlFile, lines.join('\n'));
  run('sqlite3', [db], { input: fs.readFileSync(sqlFile) });
  fs.rmSync(sqlFile);
}

// ---------- statistics and output ----------
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) => (ms >= 100 ? Math.round(ms).toLocaleString('en-US') : ms.toFixed(1));
const ratio = (x, base) => (base ? `${(x / base).toFixed(2)}×` : '–');
const fmtBytes = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
const mb = (kb) => kb / 1024;

function sizeTables(res) {
  const node = res.rows['node -e 0'] ?? {};
  const base = node.median;
  const out = [];
  out.push(
    `### ${res.n.toLocaleString('en-US')} items (${res.items.toLocaleString('en-US')} parsed by meso, ${res.pages} pages, ${fmtBytes(res.corpusBytes)}; ${res.runs} runs)`,
    '',
  );
  out.push('| command | median | min | max |', '|---|---|---|---|');
  for (const [label, r] of Object.entries(res.rows)) {
    if (r.skipped) out.push(`| ${label} | skipped: ${r.skipped} | | |`);
    else
      out.push(
        `| ${label} | ${fmtMs(r.median)} ms (${ratio(r.median, base)}) | ${fmtMs(r.min)} ms (${ratio(r.min, node.min)}) | ${fmtMs(r.max)} ms (${ratio(r.max, node.max)}) |`,
      );
  }
  out.push('', '| measure | value |', '|---|---|');
  const ms = (v) => (v == null ? '' : `${fmtMs(v)} ms (${ratio(v, base)})`);
  out.push(`| index build (meso --verbose) | ${ms(res.indexBuildMs)} |`);
  out.push(`| cache load (meso --verbose) | ${ms(res.cacheLoadMs)} |`);
  out.push(`| cache size on disk | ${res.cacheBytes ? fmtBytes(res.cacheBytes) : ''} |`);
  const nodeRss = res.memoryKb['node -e 0'];
  for (const [label, kb] of Object.entries(res.memoryKb)) {
    if (label === 'node -e 0') continue;
    out.push(
      `| peak RSS: ${label} | ${kb == null ? '' : `${mb(kb).toFixed(1)} MB (${ratio(kb, nodeRss)}), ${((mb(kb) * 1000) / res.n).toFixed(2)} MB per 1,000 items`} |`,
    );
  }
  if (nodeRss) out.push(`| peak RSS: node -e 0 | ${mb(nodeRss).toFixed(1)} MB |`);
  if (res.notes.length) out.push('', ...res.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

// ---------- one size ----------
async function benchSize(n, opts, seeds, tools) {
  const t0 = Date.now();
  const dir = path.join(opts.out, `corpus-${n}`);
  const cacheDir = path.join(opts.out, `cache-${n}`);
  const freshDir = path.join(opts.out, `cache-${n}-fresh`);
  const db = path.join(opts.out, `fts-${n}.db`);
  const json = path.join(opts.out, `minisearch-${n}.json`);
  const notes = [];

  const items = writeCorpus(n, dir, seeds);
  const pages = fs.readdirSync(dir).length;
  console.error(`bench: ${n} items: corpus written (${pages} pages) in ${Date.now() - t0} ms`);
  const data = ['--data', dir];
  const parsed = JSON.parse(run(MESO, ['stats', '--json', '--no-cache', '--quiet', ...data]).stdout);
  const itemCount = parsed.items ?? parsed.totals?.items ?? items.length;

  // Index build time, from a fresh cache dir; cache load time from a second (warm) run if meso reports one.
  fs.rmSync(freshDir, { recursive: true, force: true });
  const built = run(NODE, [MESO, 'search', QUERY, '--json', '--verbose', '--cache-dir', freshDir, ...data]).stderr;
  const warmLog = run(NODE, [MESO, 'search', QUERY, '--json', '--verbose', '--cache-dir', freshDir, ...data]).stderr;
  const indexBuildMs = Number(built.match(/built \d+ items and their index in (\d+(?:\.\d+)?) ms/)?.[1] ?? NaN);
  // reading the cache file (items) and, as search needs it, parsing the cached index
  const loads = [...warmLog.matchAll(/(?:read the cache|loaded the cached index)[^\n]*? in (\d+(?:\.\d+)?) ms/g)].map(
    (m) => Number(m[1]),
  );
  const cacheLoadMs = loads.length ? loads.reduce((a, b) => a + b, 0) : NaN;
  fs.rmSync(freshDir, { recursive: true, force: true });

  const cmds = [['node -e 0', NODE, ['-e', '0']]];
  const mesoCmds = [
    ['search', ['search', QUERY, '--json']],
    ['list --country Mexico', ['list', '--country', 'Mexico', '--json']],
    ['timeline --by year', ['timeline', '--by', 'year', '--json']],
  ];
  fs.rmSync(cacheDir, { recursive: true, force: true });
  for (const [label, args] of mesoCmds) {
    cmds.push([`meso ${label} (no cache)`, MESO, [...args, '--no-cache', ...data]]);
    const warm = [...args, '--cache-dir', cacheDir, ...data];
    run(MESO, warm, { stdio: ['ignore', 'ignore', 'pipe'] }); // warm the cache once
    cmds.push([`meso ${label} (warm cache)`, MESO, warm]);
    // node bin/meso.js skips bin/launch.sh, so starts without dist/meso.blob: the code is loaded from dist/meso.js
    if (label === 'search') cmds.push([`meso ${label} (warm cache, no start-up snapshot)`, NODE, [MESO, ...warm]]);
  }
  const cacheBytes = dirBytes(cacheDir);
  if (n === 50) {
    // the bundled pages themselves (no --data): what a new user runs first, answered from dist/meso.blob, which
    // holds them indexed; and with --no-cache, which parses, tags and indexes them again in that process
    cmds.push(['meso search, bundled pages (no cache)', MESO, ['search', QUERY, '--json', '--no-cache']]);
    cmds.push([
      'meso search, bundled pages (first and every run)',
      MESO,
      ['search', QUERY, '--json', '--cache-dir', cacheDir],
    ]);
    // the floor of any start-up snapshot: node restoring one that holds nothing
    cmds.push(['node with an empty start-up snapshot', NODE, ['--snapshot-blob', emptySnapshot(opts.out)]]);
  }

  const skipped = {};
  if (tools.rg) cmds.push([`rg -i -c ${QUERY}`, 'rg', ['-i', '-c', QUERY, dir]]);
  else skipped[`rg -i -c ${QUERY}`] = 'rg not installed';
  if (tools.sqlite3) {
    buildSqlite(items, db, path.join(opts.out, `fts-${n}.sql`));
    cmds.push(['sqlite3 FTS5 count', 'sqlite3', [db, `select count(*) from items where items match '${QUERY}'`]]);
  } else skipped['sqlite3 FTS5 count'] = 'sqlite3 not installed';
  cmds.push(['plain MiniSearch, rebuild every run', NODE, [path.join(opts.out, 'plain-minisearch.mjs'), dir]]);
  run(NODE, [path.join(opts.out, 'plain-loadjson.mjs'), 'save', dir, json]);
  cmds.push(['plain MiniSearch, loadJSON', NODE, [path.join(opts.out, 'plain-loadjson.mjs'), 'load', json]]);
  const plainBlob = path.join(opts.out, `plain-snapshot-${n}.blob`);
  await buildPlainSnapshot(opts.out, json, plainBlob);
  cmds.push(['plain MiniSearch in a V8 snapshot', NODE, ['--snapshot-blob', plainBlob]]);
  for (const s of Object.keys(skipped)) notes.push(`${s}: skipped (${skipped[s]})`);

  // Interleave: each run times every command once, so all rows see the same machine load.
  const times = Object.fromEntries(cmds.map(([label]) => [label, []]));
  for (let r = 0; r < opts.runs; r++) {
    for (const [label, cmd, args] of cmds) times[label].push(timeOnce(cmd, args));
    console.error(`bench: ${n} items: run ${r + 1}/${opts.runs} done`);
  }
  const rows = {};
  for (const [label] of cmds) {
    const xs = times[label];
    rows[label] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs };
  }
  for (const [label, why] of Object.entries(skipped)) rows[label] = { skipped: why };

  const memoryKb = {};
  if (!GNU_TIME)
    notes.push('peak RSS from a Node --import hook (process.resourceUsage().maxRSS), /usr/bin/time not found');
  const memCmds = [
    ['node -e 0', NODE, ['-e', '0']],
    ['meso search (no cache)', MESO, cmds[1][2]],
    ['meso search (warm cache)', MESO, cmds[2][2]],
    ['meso search (warm cache, no start-up snapshot)', NODE, [MESO, ...cmds[2][2]]],
    ['plain MiniSearch, rebuild every run', NODE, [path.join(opts.out, 'plain-minisearch.mjs'), dir]],
    ['plain MiniSearch, loadJSON', NODE, [path.join(opts.out, 'plain-loadjson.mjs'), 'load', json]],
    ['plain MiniSearch in a V8 snapshot', NODE, ['--snapshot-blob', plainBlob]],
  ];
  for (const [label, cmd, args] of memCmds) memoryKb[label] = peakRssKb(cmd, args, opts.out);

  console.error(`bench: ${n} items: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    n,
    items: itemCount,
    pages,
    corpusBytes: dirBytes(dir),
    runs: opts.runs,
    indexBuildMs: Number.isFinite(indexBuildMs) ? indexBuildMs : null,
    cacheLoadMs: Number.isFinite(cacheLoadMs) ? cacheLoadMs : null,
    cacheBytes,
    rows,
    memoryKb,
    notes,
    seconds: (Date.now() - t0) / 1000,
  };
}

// ---------- main ----------
const opts = parseArgs(process.argv.slice(2));
fs.mkdirSync(opts.out, { recursive: true });
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
};
console.log(
  `# meso benchmark\n\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, ${machine.os}, Node ${machine.node}\n`,
);
console.log(
  `Whole-process wall times over ${opts.runs} interleaved runs; ratios are to \`node -e 0\` of the same run (median to median, min to min, max to max); peak RSS ratios are to the peak RSS of \`node -e 0\`.\n`,
);

const tools = {
  rg: has('rg'),
  sqlite3: has('sqlite3', ['-version']) && has('sqlite3', [':memory:', 'create virtual table t using fts5(x);']),
};
const started = Date.now();
const seeds = seedItems();
writePlainScripts(opts.out);
const report = {
  machine,
  options: { sizes: opts.sizes, runs: opts.runs },
  query: QUERY,
  tools: { ...tools, gnuTime: !!GNU_TIME },
  sizes: [],
};
for (const n of opts.sizes) {
  const res = await benchSize(n, opts, seeds, tools);
  report.sizes.push(res);
  report.totalSeconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(opts.out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`${sizeTables(res)}\n`);
}
console.log(
  `Total: ${((Date.now() - started) / 1000).toFixed(1)} s; raw numbers in ${path.relative(process.cwd(), path.join(opts.out, 'bench.json')) || 'bench.json'}`,
);
