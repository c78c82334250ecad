// @ts-check
// meso's own rows: each command with no cache and with a warm cache, and at 50 items the start-up rows.
import { fileURLToPath } from 'node:url';

/** @typedef {import('./processes.mjs').Command} Command */

const NODE = process.execPath;
/** meso as npm's shim runs it: node and the plain entry, on every OS. */
export const MESO = fileURLToPath(new URL('../../bin/meso.js', import.meta.url));

/**
 * A meso command as a row: `node bin/meso.js …args`, with its phase timings read.
 * @param {string} label
 * @param {string[]} args
 * @returns {Command}
 */
export const mesoCommand = (label, args) => ({ label, cmd: NODE, args: [MESO, ...args], meso: true });

/**
 * Queries whose words the thesaurus expands (issue 17: a query with expansions should stay within 10% of the warm
 * search time before expansions existed): synonyms of `jobs`, and a Spanish query read as its English terms.
 */
export const EXPANSION_QUERIES = ['jobs for migrants', 'trata de personas'];

/**
 * The meso rows for one corpus. Warm rows need their cache filled first (see `warmUp`).
 * @param {object} at
 * @param {number} at.n the corpus size
 * @param {string} at.dir the corpus folder
 * @param {string} at.cacheDir the cache folder of the warm rows
 * @param {string} at.bundledCacheDir the cache folder of the bundled pages' row (50 items only)
 * @param {string} at.query
 * @param {{ meso: string, cacheDir: string }} [at.before] another checkout's bin/meso.js and its cache folder:
 *   its warm search is timed too (not as a meso row: its phases are not read)
 * @returns {{ commands: Command[], warm: Command[], search: { cold: Command, warm: Command } }}
 */
export function mesoRows({ n, dir, cacheDir, bundledCacheDir, query, before }) {
  const data = ['--data', dir];
  const asked = /** @type {const} */ ([
    ['search', ['search', query, '--json']],
    ['list --country Mexico', ['list', '--country', 'Mexico', '--json']],
    ['timeline --by year', ['timeline', '--by', 'year', '--json']],
  ]);
  /** @type {Command[]} */
  const commands = [];
  /** @type {Command[]} */
  const warm = [];
  for (const [label, args] of asked) {
    commands.push(mesoCommand(`meso ${label} (no cache)`, [...args, '--no-cache', ...data]));
    const w = mesoCommand(`meso ${label} (warm cache)`, [...args, '--cache-dir', cacheDir, ...data]);
    commands.push(w);
    warm.push(w);
  }
  for (const q of EXPANSION_QUERIES) {
    const w = mesoCommand(`meso search "${q}" (warm cache)`, ['search', q, '--json', '--cache-dir', cacheDir, ...data]);
    commands.push(w);
    warm.push(w);
  }
  if (before) {
    const w = {
      label: 'meso before: search (warm cache)',
      cmd: NODE,
      args: [before.meso, 'search', query, '--json', '--cache-dir', before.cacheDir, ...data],
    };
    commands.push(w);
    warm.push(w);
  }
  if (n === 50) {
    commands.push(mesoCommand('meso --version', ['--version']));
    commands.push(mesoCommand('meso --help', ['--help']));
    const bundled = mesoCommand('meso search, bundled pages (warm cache)', [
      'search',
      query,
      '--json',
      '--cache-dir',
      bundledCacheDir,
    ]);
    commands.push(bundled);
    warm.push(bundled);
  }
  const search = { cold: /** @type {Command} */ (commands[0]), warm: /** @type {Command} */ (commands[1]) };
  return { commands, warm, search };
}
