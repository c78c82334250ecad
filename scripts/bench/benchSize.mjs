// @ts-check
// One corpus size: write the corpus, fill the caches, prepare the peers, time every row in interleaved runs,
// read meso's phase timings, measure peak memory.
import fs from 'node:fs';
import path from 'node:path';
import { FLOOR, preparePeers } from './baselines/index.mjs';
import { dirBytes, writeCorpus } from './corpus.mjs';
import { MESO, mesoRows } from './mesoRows.mjs';
import { GNU_TIME, peakRssKb, runChecked, timeRun } from './processes.mjs';
import { summarize } from './stats.mjs';
import { CACHE_LOAD, INDEX_BUILD, readTimings, sumPhases } from './timings.mjs';

/** @typedef {import('./processes.mjs').Command} Command */
/** @typedef {import('./report.mjs').SizeResult} SizeResult */
/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./timings.mjs').Timings} Timings */

/**
 * @param {object} at
 * @param {number} at.n the corpus size
 * @param {number} at.runs
 * @param {string} at.out the output folder
 * @param {string} at.query
 * @param {import('./corpus.mjs').SeedItem[]} at.seeds
 * @param {string} at.bundledPages
 * @param {{ rg: boolean, sqlite3: boolean }} at.tools
 * @param {(line: string) => void} at.progress
 * @param {string} [at.before] another meso checkout, whose warm search is timed beside this one's
 * @returns {SizeResult}
 */
export function benchSize({ n, runs, out, query, seeds, bundledPages, tools, progress, before }) {
  const t0 = Date.now();
  const dir = path.join(out, `corpus-${n}`);
  const cacheDir = path.join(out, `cache-${n}`);
  const bundledCacheDir = path.join(out, 'cache-bundled');
  /** @type {string[]} */
  const notes = [];

  const items = writeCorpus(n, dir, seeds, bundledPages);
  const pages = fs.readdirSync(dir).length;
  progress(`${n} items: corpus written (${pages} pages) in ${Date.now() - t0} ms`);
  /** @type {{ items: number }} */
  const stats = JSON.parse(
    runChecked(process.execPath, [MESO, 'stats', '--json', '--no-cache', '--quiet', '--data', dir]).stdout,
  );

  // Warm rows are timed from the second run on: fill their caches once, before timing.
  const beforeCacheDir = path.join(out, `cache-before-${n}`);
  for (const d of [cacheDir, bundledCacheDir, beforeCacheDir]) fs.rmSync(d, { recursive: true, force: true });
  const meso = mesoRows({
    n,
    dir,
    cacheDir,
    bundledCacheDir,
    query,
    before: before ? { meso: path.join(before, 'bin', 'meso.js'), cacheDir: beforeCacheDir } : undefined,
  });
  for (const w of meso.warm) runChecked(w.cmd, w.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const cacheBytes = dirBytes(cacheDir);

  const peers = preparePeers({
    dir,
    items,
    db: path.join(out, `fts-${n}.db`),
    json: path.join(out, `minisearch-${n}.json`),
    query,
    tools,
  });
  for (const [label, why] of Object.entries(peers.skipped)) notes.push(`${label}: skipped (${why})`);
  const commands = [FLOOR, ...meso.commands, ...peers.commands];

  // Interleave: each run times every row once, so all rows see the same machine load.
  /** @type {Map<Command, number[]>} */
  const times = new Map(commands.map((c) => [c, []]));
  /** @type {Map<Command, Timings[]>} */
  const timings = new Map(commands.map((c) => [c, []]));
  for (let r = 0; r < runs; r++) {
    for (const c of commands) {
      const { ms, stderr } = timeRun(c);
      times.get(c)?.push(ms);
      const t = c.meso ? readTimings(stderr) : null;
      if (t) timings.get(c)?.push(t);
      else if (c.meso && r === 0) notes.push(`${c.label}: meso printed no timings line`);
    }
    progress(`${n} items: run ${r + 1}/${runs} done`);
  }

  /** @type {Record<string, Row | { skipped: string }>} */
  const rows = {};
  for (const c of commands) {
    const xs = times.get(c) ?? [];
    const phases = summarizePhases(timings.get(c) ?? []);
    rows[c.label] = { ...summarize(xs), runs: xs, ...(phases ? { phases } : {}) };
  }
  for (const [label, why] of Object.entries(peers.skipped)) rows[label] = { skipped: why };

  if (!GNU_TIME)
    notes.push('peak RSS from a Node --import hook (process.resourceUsage().maxRSS): /usr/bin/time (GNU) not found');
  /** @type {Record<string, number | null>} */
  const memoryKb = {};
  const scratch = path.join(out, 'rss.txt');
  for (const c of [FLOOR, meso.search.cold, meso.search.warm, ...peers.plain])
    memoryKb[c.label] = peakRssKb(c, scratch);

  progress(`${n} items: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    n,
    items: stats.items,
    pages,
    corpusBytes: dirBytes(dir),
    cacheBytes,
    runs,
    rows,
    memoryKb,
    notes,
    seconds: (Date.now() - t0) / 1000,
  };
}

/**
 * Median, min and max of every phase over the runs that had it, with the two sums the tables report.
 * @param {Timings[]} perRun
 * @returns {Record<string, import('./stats.mjs').Summary> | null}
 */
function summarizePhases(perRun) {
  if (!perRun.length) return null;
  /** @type {Record<string, number[]>} */
  const values = {};
  for (const t of perRun) {
    const sums = {
      'index build': sumPhases(t, INDEX_BUILD, 'parse'),
      'cache load': sumPhases(t, CACHE_LOAD, 'read cache'),
    };
    for (const [phase, ms] of [...Object.entries(t), ...Object.entries(sums)])
      if (ms != null) (values[phase] ??= []).push(ms);
  }
  return Object.fromEntries(Object.entries(values).map(([phase, xs]) => [phase, summarize(xs)]));
}
