import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import type { CommonOptions } from '../options.js';
import type { Runtime } from '../runtime.js';
import { UsageError } from '../errors.js';
import type { Style } from '../render/makeStyle.js';
import { renderJson, renderJsonl } from '../render/renderJson.js';
import { renderTsv } from '../render/renderTsv.js';
import { renderLines } from '../render/renderLines.js';
import {
  HIT_FIELDS,
  ITEM_FIELDS,
  hitRecord,
  itemRecord,
  parseFields,
  selectFields,
  type OutputRecord,
} from '../render/records.js';

/**
 * The output a command prints: a table on a terminal, plain tab-separated lines in a pipe, or a chosen format
 * (`tsv` is the lines' format with a header row and every field).
 */
export type Format = 'table' | 'lines' | 'tsv' | 'json' | 'jsonl' | 'csv';

const FLAG_FORMATS = ['json', 'jsonl', 'csv'] as const;

/** Picks the output format from the flags; two different formats at once is a usage error. */
export function pickFormat(opts: CommonOptions, rt: Runtime): Format {
  const asked = [
    ...FLAG_FORMATS.filter((f) => opts[f]).map((f) => ({ format: f as Format, flag: `--${f}` })),
    ...(opts.format ? [{ format: opts.format as Format, flag: `--format ${opts.format}` }] : []),
  ];
  const formats = [...new Set(asked.map((a) => a.format))];
  if (formats.length > 1) throw new UsageError(`choose one output format: ${asked.map((a) => a.flag).join(' or ')}`);
  const format = formats[0] ?? (rt.isTTY ? 'table' : 'lines');
  if (opts.csvSafe && format !== 'csv') throw new UsageError('--csv-safe is about CSV: add --csv');
  return format;
}

/**
 * The colours and width of terminal output, on stdout or (`stderr`) on stderr. Loaded when a view is drawn (the
 * renderers of tables, CSV and colour are imported by the output that uses them, so that JSON and plain lines
 * start without them).
 */
export async function styleFor(opts: CommonOptions, rt: Runtime, stderr = false): Promise<Style> {
  const { makeStyle } = await import('../render/makeStyle.js');
  return stderr
    ? makeStyle({ color: opts.color, isTTY: Boolean(rt.errIsTTY), env: rt.env })
    : makeStyle({ color: opts.color, isTTY: rt.isTTY, columns: rt.columns, env: rt.env });
}

/** Rows a command prints, whatever the format: records for the machine formats, and the human views. */
export interface Rows {
  /** every field a record has, in order: what --fields may name */
  fields: readonly string[];
  /** the columns of CSV and TSV without --fields (default: every field) */
  columns?: readonly string[];
  records: OutputRecord[];
  /** the view on a terminal (without --fields) */
  table: (style: Style) => string | Promise<string>;
  /** the plain lines in a pipe without a format flag (without --fields); default: TSV without a header */
  lines?: () => string | Promise<string>;
  /** one record (meso show): JSON prints it as an object, not an array */
  single?: boolean;
}

/**
 * Records as flat rows in a format other than JSON: CSV (the formula guard with --csv-safe), TSV with a header,
 * plain lines (TSV without one), or a table of the fields on a terminal.
 */
export async function renderFlat(
  format: Exclude<Format, 'json' | 'jsonl'>,
  records: OutputRecord[],
  columns: readonly string[],
  opts: CommonOptions,
  rt?: Runtime,
): Promise<string> {
  if (format === 'csv') {
    const { renderCsv } = await import('../render/renderCsv.js');
    return renderCsv(records, [...columns], { safe: opts.csvSafe });
  }
  if (format === 'table' && rt) {
    const { renderFieldTable } = await import('../render/renderFieldTable.js');
    return renderFieldTable(records, columns, await styleFor(opts, rt));
  }
  return renderTsv(records, columns, format === 'tsv');
}

/**
 * Prints rows in the format the flags ask for, with `--fields` in every format. Nothing found prints what a
 * reader of that format expects: `[]` for JSON, the header row for CSV and TSV, nothing otherwise.
 */
export async function emitRows(rows: Rows, opts: CommonOptions, runtime: Runtime): Promise<Format> {
  const rt = { ...runtime, out: (text: string) => text && runtime.out(text) };
  const format = pickFormat(opts, rt);
  const fields = parseFields(opts.fields, rows.fields);
  const columns = fields ?? rows.columns ?? rows.fields;
  const records = () => rows.records.map((r) => selectFields(r, fields));
  switch (format) {
    case 'json':
      rt.out(renderJson(rows.single ? records()[0] : records()));
      break;
    case 'jsonl':
      rt.out(renderJsonl(records()));
      break;
    case 'csv':
    case 'tsv':
      rt.out(await renderFlat(format, records(), columns, opts));
      break;
    case 'lines':
      rt.out(fields || !rows.lines ? await renderFlat(format, records(), columns, opts) : await rows.lines());
      break;
    case 'table':
      if (rows.records.length)
        rt.out(
          fields ? await renderFlat(format, records(), columns, opts, rt) : await rows.table(await styleFor(opts, rt)),
        );
  }
  return format;
}

/** What a list of items is: search hits (with their extra fields), and how many there were before --limit. */
export interface ItemsInfo {
  hits?: boolean;
  /** how many results there are in all; more than printed means --limit cut them, and stderr says so */
  total?: number;
}

/** Prints items or hits in the format the flags ask for: the one place list and search share. Returns that format. */
export async function emitItems(
  rows: Item[] | Hit[],
  opts: CommonOptions,
  rt: Runtime,
  info: ItemsInfo = {},
): Promise<Format> {
  const isHits = info.hits ?? (rows.length > 0 && 'item' in rows[0]!);
  const list = rows as Array<Item | Hit>;
  const format = await emitRows(
    {
      fields: isHits ? [...ITEM_FIELDS, ...HIT_FIELDS] : ITEM_FIELDS,
      get records() {
        return list.map((r) => ('item' in r ? hitRecord(r) : itemRecord(r)));
      },
      table: async (style) => (await import('../render/renderTable.js')).renderTable(list, style),
      lines: () => renderLines(list),
    },
    opts,
    rt,
  );
  noteLimit(rows.length, info.total, isHits ? 'results' : 'items', opts, rt);
  return format;
}

/** Applies --limit (default: none, or the command's own) and returns the rows to print and how many there were. */
export function applyLimit<T>(rows: T[], opts: CommonOptions, fallback = Number.POSITIVE_INFINITY): T[] {
  const limit = opts.limit ?? fallback;
  return rows.length > limit ? rows.slice(0, limit) : rows;
}

/** One line on stderr, in every format, when --limit cut the results: how many there are and how to get them all. */
export function noteLimit(shown: number, total: number | undefined, noun: string, opts: CommonOptions, rt: Runtime) {
  if (total !== undefined && total > shown && !opts.quiet)
    rt.err(`meso: ${shown} of ${total} ${noun} shown; --limit all (or -n 0) prints them all\n`);
}
