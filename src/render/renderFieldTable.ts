import type { OutputRecord } from './records.js';
import type { Style } from './makeStyle.js';
import { cellText } from './cellText.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { cutText, textWidth } from './fitText.js';
import { fitCell, fittedTable } from './renderTable.js';

/** Widest a column grows before its cells wrap. */
const MAX_NATURAL = 60;
/** Narrowest a column may get (padding included) before the records are stacked instead. */
const MIN_COLUMN = 6;

/**
 * The chosen fields (`--fields` on a terminal) as a table fitted to the width: each column as wide as its
 * widest cell (up to 60), the widest ones narrowed, their cells wrapped, until the table fits. When it cannot
 * fit, each record is printed as `field: value` lines cut to the width.
 */
export function renderFieldTable(records: OutputRecord[], columns: readonly string[], style: Style): string {
  if (records.length === 0) return '';
  // a cell is one line: its line breaks (a summary's paragraphs) read as spaces, not as escaped control characters
  const cells = records.map((r) => columns.map((c) => escapeForTerminal(cellText(r[c]).replace(/\s*\n\s*/g, ' '))));
  const natural = columns.map((c, i) =>
    Math.min(MAX_NATURAL, Math.max(textWidth(c), ...cells.map((row) => textWidth(row[i]!)), 1) + 2),
  );
  const room = style.width - (columns.length + 1);
  if (room < columns.length * MIN_COLUMN) return renderStackedFields(cells, columns, style);
  const widths = shareWidths(natural, room);
  const table = fittedTable([...columns], widths, style);
  for (const row of cells) table.push(row.map((text, i) => fitCell(text, widths[i]!)));
  return `${table.toString()}\n`;
}

/** Shares `room` columns out: a column that wants less than an even share keeps what it wants. */
function shareWidths(natural: number[], room: number): number[] {
  const widths = [...natural];
  let open = natural.map((_, i) => i);
  let left = room;
  for (;;) {
    const share = Math.floor(left / open.length);
    const small = open.filter((i) => natural[i]! <= share);
    if (small.length === 0) {
      open.forEach((i, k) => {
        widths[i] = share + (k < left - share * open.length ? 1 : 0);
      });
      return widths;
    }
    for (const i of small) left -= natural[i]!;
    open = open.filter((i) => natural[i]! > share);
    if (open.length === 0) return widths;
  }
}

function renderStackedFields(cells: string[][], columns: readonly string[], style: Style): string {
  const label = (c: string) => (style.color ? style.c.dim(`${c}:`) : `${c}:`);
  return cells
    .map(
      (row) =>
        `${row.map((v, i) => `${label(columns[i]!)} ${cutText(v, style.width - textWidth(columns[i]!) - 2)}`).join('\n')}\n`,
    )
    .join('\n');
}
