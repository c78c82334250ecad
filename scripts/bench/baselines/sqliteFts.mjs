// @ts-check
// Peer set-up: an SQLite FTS5 table (title, summary) of the same items, built once before timing.
import fs from 'node:fs';
import { runChecked } from '../processes.mjs';

/**
 * Writes `db` afresh with every item in an FTS5 table `items(title, summary)`, through the sqlite3 shell.
 * @param {{ title: string, summary: string }[]} items
 * @param {string} db
 */
export function buildFtsDb(items, db) {
  fs.rmSync(db, { force: true });
  /** @param {string} s */
  const q = (s) => `'${s.replace(/'/g, "''")}'`;
  const lines = ['CREATE VIRTUAL TABLE items USING fts5(title, summary);', 'BEGIN;'];
  for (const it of items) lines.push(`INSERT INTO items(title, summary) VALUES (${q(it.title)}, ${q(it.summary)});`);
  lines.push('COMMIT;');
  runChecked('sqlite3', [db], { input: lines.join('\n'), stdio: ['pipe', 'ignore', 'pipe'] });
}
