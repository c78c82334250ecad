// @ts-check
// Spawning the timed commands: run one and check its exit, time one, measure one's peak memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * @typedef {object} Command one timed row: a label and the process it starts
 * @property {string} label how the row reads in the tables
 * @property {string} cmd the executable (process.execPath for every node row)
 * @property {string[]} args its arguments
 * @property {boolean} [meso] true for meso's rows: run with MESO_TIMINGS=1 and read its phase timings
 */

/** Thrown when a command the benchmark needs fails; index.mjs prints it and exits 1. */
export class BenchError extends Error {}

/**
 * True when `cmd args` runs and exits 0: whether an optional tool (rg, sqlite3, GNU time) is installed.
 * @param {string} cmd
 * @param {string[]} [args]
 */
export function hasTool(cmd, args = ['--version']) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/**
 * Runs a command to its end, stdout and stderr as text; throws unless it exits 0 or 1 (1: nothing found).
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 * @returns {{ stdout: string, stderr: string }}
 */
export function runChecked(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (r.error || (r.status !== 0 && r.status !== 1)) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new BenchError(`${cmd} ${args.join(' ')} failed (${why})\n${String(r.stderr ?? '').slice(-2000)}`);
  }
  return { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/**
 * Times one whole process from spawn to exit, stdout discarded; meso's rows run with MESO_TIMINGS=1.
 * @param {Command} command
 * @returns {{ ms: number, stderr: string }} wall-clock milliseconds and what it printed on stderr
 */
export function timeRun(command) {
  const env = command.meso ? { ...process.env, MESO_TIMINGS: '1' } : process.env;
  const t0 = process.hrtime.bigint();
  const r = runChecked(command.cmd, command.args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, stderr: r.stderr };
}

/** GNU time, when installed, reports a process's peak RSS with `-f %M`; BSD and Windows have none. */
export const GNU_TIME = fs.existsSync('/usr/bin/time') && hasTool('/usr/bin/time', ['-f', '%M', 'true']);

const RSS_HOOK = new URL('./rssHook.mjs', import.meta.url).href;

/**
 * Peak resident memory of one run, in KB: from GNU time when installed, else from rssHook.mjs loaded with
 * `node --import` (which sees only node processes, and records the largest of them).
 * @param {Command} command
 * @param {string} scratch a file the hook may write to
 * @returns {number | null} null when nothing could be measured
 */
export function peakRssKb(command, scratch) {
  if (GNU_TIME) {
    const r = runChecked('/usr/bin/time', ['-f', '%M', command.cmd, ...command.args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const kb = Number(r.stderr.trim().split('\n').pop());
    return Number.isFinite(kb) ? kb : null;
  }
  fs.rmSync(scratch, { force: true });
  const env = {
    ...process.env,
    BENCH_RSS_FILE: scratch,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(RSS_HOOK)}`,
  };
  runChecked(command.cmd, command.args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const values = fs.existsSync(scratch) ? fs.readFileSync(scratch, 'utf8').trim().split('\n').map(Number) : [];
  fs.rmSync(scratch, { force: true });
  return values.length ? Math.max(...values) : null;
}
