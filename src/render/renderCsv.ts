import { stringify } from 'csv-stringify/sync';
import type { OutputRecord } from './records.js';
import { cellText } from './cellText.js';

/** How a CSV is written: a byte-order mark for spreadsheet programs, and the spreadsheet formula guard. */
export interface CsvOptions {
  /** start with a UTF-8 byte-order mark (Excel then reads the file as UTF-8) */
  bom?: boolean;
  /**
   * `--csv-safe`: a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab, CR, or their
   * full-width forms `＝＋－＠`) gets a leading `'` (OWASP's advice for CSV injection). Off by default: it changes
   * the text, and a reader cannot tell the added `'` from one that was there.
   */
  safe?: boolean;
}

/**
 * RFC 4180 CSV through csv-stringify: a header row, CRLF record ends, and every cell that holds a comma, a
 * quote, a CR or an LF quoted (with its quotes doubled), whatever else is done to it, so any CSV reader gets
 * back the same cells. The formula guard and the BOM only when asked ({@link CsvOptions}).
 */
export function renderCsv(records: OutputRecord[], columns: string[], options: CsvOptions | boolean = {}): string {
  const { bom = false, safe = false } = typeof options === 'boolean' ? { bom: options } : options;
  const rows = records.map((r) => columns.map((c) => cellText(r[c])));
  return stringify([columns, ...rows], {
    record_delimiter: 'windows',
    // csv-stringify quotes a lone LF or CR only when told to once record_delimiter is set: the bug behind
    // an item with a line break in its summary becoming two rows
    quote_record_delimiter: true,
    escape_formulas: safe,
    bom,
  });
}
