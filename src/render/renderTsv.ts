import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { cellText } from './cellText.js';
import type { OutputRecord } from './records.js';

/**
 * One TSV cell: the value flattened as in CSV (lists joined by "; "), with a backslash, tab, LF and CR written
 * as `\\`, `\t`, `\n`, `\r` and other control characters as `\xNN` / `\uNNNN`, so a line is always one row, a tab
 * always ends a cell, and the text can be read back exactly (the "linear TSV" convention of PostgreSQL and mlr).
 *
 * @example
 * tsvCell('a\tb\nc')  //=> 'a\\tb\\nc'
 */
export function tsvCell(value: unknown): string {
  const text = cellText(value).replace(/[\\\t\n\r]/g, (ch) => TSV_ESCAPES[ch]!);
  return escapeForTerminal(text);
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Tab-separated values: an optional header row, then one line per record, each cell a {@link tsvCell}. */
export function renderTsv(records: OutputRecord[], columns: readonly string[], header = true): string {
  const lines = records.map((r) => columns.map((c) => tsvCell(r[c])).join('\t'));
  if (header) lines.unshift(columns.join('\t'));
  return lines.map((l) => `${l}\n`).join('');
}
