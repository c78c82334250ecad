import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import { shortId } from './shortId.js';
import { tsvCell } from './renderTsv.js';

/**
 * Plain lines for a pipe without a format flag: date, short id and title separated by tabs, grep-friendly; the
 * title escaped as a TSV cell (a tab or line break in it never splits the line).
 */
export function renderLines(rows: Array<Item | Hit>): string {
  return rows
    .map((row) => {
      const item = 'item' in row ? row.item : row;
      return `${item.date ?? ''}\t${shortId(item.id)}\t${tsvCell(item.title)}\n`;
    })
    .join('');
}
