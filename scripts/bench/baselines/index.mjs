// @ts-check
// The peers meso is timed against, over the same items in the same interleaved runs: node -e 0 (the floor of
// every ratio), ripgrep and SQLite FTS5 where installed, and two plain MiniSearch scripts.
import { fileURLToPath } from 'node:url';
import { hasTool, runChecked } from '../processes.mjs';
import { buildFtsDb } from './sqliteFts.mjs';

/** @typedef {import('../processes.mjs').Command} Command */

const NODE = process.execPath;
const PLAIN_MINISEARCH = fileURLToPath(new URL('./plainMinisearch.mjs', import.meta.url));
const PLAIN_LOAD_JSON = fileURLToPath(new URL('./plainLoadJson.mjs', import.meta.url));

/** Starting node and doing nothing: the baseline of every ratio. */
export const FLOOR = /** @type {Command} */ ({ label: 'node -e 0', cmd: NODE, args: ['-e', '0'] });

/** Which optional peers this machine has. */
export function findTools() {
  return {
    rg: hasTool('rg'),
    sqlite3:
      hasTool('sqlite3', ['-version']) && hasTool('sqlite3', [':memory:', 'create virtual table t using fts5(x);']),
  };
}

/**
 * Prepares the peers for one corpus (FTS5 database, saved MiniSearch JSON) and returns their commands.
 * @param {object} at
 * @param {string} at.dir the corpus folder
 * @param {{ title: string, summary: string }[]} at.items the items written there
 * @param {string} at.db where the FTS5 database goes
 * @param {string} at.json where the saved MiniSearch index goes
 * @param {string} at.query the query every row searches
 * @param {{ rg: boolean, sqlite3: boolean }} at.tools
 * @returns {{ commands: Command[], skipped: Record<string, string>, plain: Command[] }} `plain`: the two
 *   MiniSearch scripts, whose peak memory is reported too
 */
export function preparePeers({ dir, items, db, json, query, tools }) {
  /** @type {Command[]} */
  const commands = [];
  /** @type {Record<string, string>} */
  const skipped = {};
  const rg = `rg -i -c ${query}`;
  if (tools.rg) commands.push({ label: rg, cmd: 'rg', args: ['-i', '-c', query, dir] });
  else skipped[rg] = 'rg not installed';
  if (tools.sqlite3) {
    buildFtsDb(items, db);
    const sql = `select count(*) from items where items match '${query.replace(/'/g, "''")}'`;
    commands.push({ label: 'sqlite3 FTS5 count', cmd: 'sqlite3', args: [db, sql] });
  } else skipped['sqlite3 FTS5 count'] = 'sqlite3 with FTS5 not installed';
  runChecked(NODE, [PLAIN_LOAD_JSON, 'save', dir, json]);
  const plain = [
    { label: 'plain MiniSearch, rebuild every run', cmd: NODE, args: [PLAIN_MINISEARCH, dir, query] },
    { label: 'plain MiniSearch, loadJSON', cmd: NODE, args: [PLAIN_LOAD_JSON, 'load', json, query] },
  ];
  return { commands: [...commands, ...plain], skipped, plain };
}
