// @ts-check
// The results as markdown tables (stdout) and as data (bench.json). Every figure comes with its ratio to
// `node -e 0` of the same benchmark run: median to median, min to min, max to max; phases and the measures
// below a table to the median; peak memory to the peak memory of `node -e 0`.
import fs from 'node:fs';
import os from 'node:os';
import { PHASES } from './timings.mjs';

/** @typedef {import('./stats.mjs').Summary} Summary */
/**
 * @typedef {Summary & { runs: number[], phases?: Record<string, Summary> }} Row one timed row: wall-clock ms
 *   over the runs, and for meso's rows its phase timings ("index build", "cache load", each phase, "total")
 */
/** @typedef {{ skipped: string }} SkippedRow a peer that is not installed */
/**
 * @typedef {object} SizeResult everything measured on one corpus
 * @property {number} n the corpus size asked for
 * @property {number} items how many items meso parses out of it (`meso stats`)
 * @property {number} pages page files
 * @property {number} corpusBytes
 * @property {number} cacheBytes meso's cache folder once warm
 * @property {number} runs
 * @property {Record<string, Row | SkippedRow>} rows in the order they were run
 * @property {Record<string, number | null>} memoryKb peak RSS of one run of each command
 * @property {string[]} notes
 * @property {number} seconds
 */

/** @typedef {{ cpu: string, cores: number, memoryGB: number, os: string, node: string }} Machine */

/** @returns {Machine} */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** @param {number} ms */
const fmtMs = (ms) => (ms >= 100 ? Math.round(ms).toLocaleString('en-US') : ms.toFixed(1));
/** @param {number} x @param {number | null | undefined} base */
const ratio = (x, base) => (base ? `${(x / base).toFixed(2)}×` : '–');
/** @param {number} b */
const fmtBytes = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
/** @param {number | null | undefined} ms @param {number | undefined} base */
const msAndRatio = (ms, base) => (ms == null ? '' : `${fmtMs(ms)} ms (${ratio(ms, base)})`);

/**
 * @param {Row | SkippedRow | undefined} row
 * @returns {row is Row}
 */
const isTimed = (row) => row !== undefined && !('skipped' in row);

/**
 * The heading printed once, before the tables.
 * @param {Machine} machine
 * @param {number} runs
 * @param {string[]} [removedEnv] environment variables removed for every timed process
 */
export function renderHeader(machine, runs, removedEnv = []) {
  const removed = removedEnv.length
    ? [`${removedEnv.join(', ')} removed for every timed process (it makes Node read certificates at start-up).`, '']
    : [];
  return [
    '# meso benchmark',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, ${machine.os}, Node ${machine.node}`,
    '',
    `Whole-process wall times over ${runs} interleaved ${runs === 1 ? 'run' : 'runs'}; every ratio is to \`node -e 0\` of the same run ` +
      '(median to median, min to min, max to max; phases and measures to its median); peak RSS ratios are to the ' +
      'peak RSS of `node -e 0`.',
    '',
    ...removed,
  ].join('\n');
}

/**
 * The tables of one corpus size: wall times, meso's phases, and the measures (index build, cache load, cache
 * size, peak memory).
 * @param {SizeResult} res
 */
export function renderSize(res) {
  const floor = res.rows['node -e 0'];
  const node = isTimed(floor) ? floor : undefined;
  const out = [
    `### ${res.n.toLocaleString('en-US')} items (${res.items.toLocaleString('en-US')} parsed by meso, ${res.pages} pages, ${fmtBytes(res.corpusBytes)}; ${res.runs} ${res.runs === 1 ? 'run' : 'runs'})`,
    '',
    '| command | median | min | max |',
    '|---|---|---|---|',
  ];
  for (const [label, r] of Object.entries(res.rows)) {
    if (!isTimed(r)) out.push(`| ${label} | skipped: ${r.skipped} | | |`);
    else
      out.push(
        `| ${label} | ${msAndRatio(r.median, node?.median)} | ${msAndRatio(r.min, node?.min)} | ${msAndRatio(r.max, node?.max)} |`,
      );
  }

  // meso's phases, medians over the runs (MESO_TIMINGS=1): the sums first, then each phase that ran anywhere.
  const withPhases = Object.entries(res.rows).filter(([, r]) => isTimed(r) && r.phases);
  if (withPhases.length) {
    const seen = new Set(withPhases.flatMap(([, r]) => Object.keys(/** @type {Row} */ (r).phases ?? {})));
    const columns = [
      'total',
      'index build',
      'cache load',
      ...PHASES.filter((p) => seen.has(p)),
      ...[...seen].filter((p) => !PHASES.includes(p) && !['total', 'index build', 'cache load'].includes(p)),
    ].filter((c) => seen.has(c));
    out.push('', `| meso phases (median ms) | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---|').join('')}`);
    for (const [label, r] of withPhases) {
      const phases = /** @type {Row} */ (r).phases ?? {};
      const cell = (/** @type {string} */ c) => {
        const ms = phases[c]?.median;
        return ms == null ? '' : `${fmtMs(ms)} (${ratio(ms, node?.median)})`;
      };
      out.push(`| ${label} | ${columns.map(cell).join(' | ')} |`);
    }
  }

  out.push('', '| measure | value |', '|---|---|');
  out.push(
    `| index build (parse + enrich + count index terms, meso search no cache) | ${msAndRatio(indexBuild(res), node?.median)} |`,
  );
  out.push(
    `| cache load (read cache + load index, meso search warm cache) | ${msAndRatio(cacheLoad(res), node?.median)} |`,
  );
  out.push(`| cache size on disk | ${res.cacheBytes ? fmtBytes(res.cacheBytes) : ''} |`);
  const nodeRss = res.memoryKb['node -e 0'];
  for (const [label, kb] of Object.entries(res.memoryKb)) {
    if (label === 'node -e 0') continue;
    const mb = kb == null ? 0 : kb / 1024;
    out.push(
      `| peak RSS: ${label} | ${kb == null ? '' : `${mb.toFixed(1)} MB (${ratio(kb, nodeRss)}), ${((mb * 1000) / res.n).toFixed(2)} MB per 1,000 items`} |`,
    );
  }
  if (nodeRss) out.push(`| peak RSS: node -e 0 | ${(nodeRss / 1024).toFixed(1)} MB |`);
  if (res.notes.length) out.push('', ...res.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

/**
 * Median index build of `meso search` with no cache, from its phase timings.
 * @param {SizeResult} res
 */
export function indexBuild(res) {
  const row = res.rows['meso search (no cache)'];
  return isTimed(row) ? (row.phases?.['index build']?.median ?? null) : null;
}

/**
 * Median cache load of `meso search` with a warm cache, from its phase timings.
 * @param {SizeResult} res
 */
export function cacheLoad(res) {
  const row = res.rows['meso search (warm cache)'];
  return isTimed(row) ? (row.phases?.['cache load']?.median ?? null) : null;
}

/**
 * Writes everything measured so far to `file`, rewritten after each size.
 * @param {string} file
 * @param {object} report
 */
export function writeJson(file, report) {
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
