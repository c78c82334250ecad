import { stringify } from 'csv-stringify/sync';
import type { OutputRecord } from './records.js';

/** Cells a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell inert in spreadsheets: a leading ' before =, +, -, @, tab or CR (OWASP's advice). */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Flattens a field value to one CSV cell: lists joined by "; ", sources as file:line, places as "name (country)". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('file' in v && 'line' in v) return `${v.file}:${v.line}`;
    if ('name' in v && 'country' in v) return `${v.name} (${v.country})`;
    if ('value' in v && 'precision' in v) return String(v.value);
    if ('text' in v && 'highlights' in v) return String(v.text);
    if ('term' in v && 'field' in v) return `${v.term}:${v.field}:${v.how}`;
    return JSON.stringify(v);
  }
  return String(value);
}

/** RFC 4180 CSV (via csv-stringify) with a header row, CRLF line ends, formula-safe cells, optional BOM. */
export function renderCsv(records: OutputRecord[], columns: string[], bom = false): string {
  const rows = records.map((r) => columns.map((c) => neutralizeCell(cellText(r[c]))));
  return stringify([columns, ...rows], { record_delimiter: 'windows', bom });
}
