import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import type { CommonOptions } from '../options.js';
import type { Runtime } from '../runtime.js';
import { UsageError } from '../errors.js';
import { makeStyle, type Style } from '../render/makeStyle.js';
import { renderJson, renderJsonl } from '../render/renderJson.js';
import { renderCsv } from '../render/renderCsv.js';
import { renderTable, renderLines } from '../render/renderTable.js';
import { HIT_FIELDS, ITEM_FIELDS, hitRecord, itemRecord, parseFields, selectFields } from '../render/records.js';

/** The output a command prints: a table on a terminal, plain lines in a pipe, or a chosen format. */
export type Format = 'table' | 'lines' | 'json' | 'jsonl' | 'csv';

/** Picks the output format from the flags; two format flags at once is a usage error. */
export function pickFormat(opts: CommonOptions, rt: Runtime): Format {
  const chosen = (['json', 'jsonl', 'csv'] as const).filter((f) => opts[f]);
  if (chosen.length > 1) throw new UsageError(`choose one output format: ${chosen.map((f) => `--${f}`).join(' or ')}`);
  if (opts.fields !== undefined && chosen.length === 0) throw new UsageError('--fields needs --json, --jsonl or --csv');
  return chosen[0] ?? (rt.isTTY ? 'table' : 'lines');
}

export const styleFor = (opts: CommonOptions, rt: Runtime): Style =>
  makeStyle({ color: opts.color, isTTY: rt.isTTY, columns: rt.columns, env: rt.env });

/** Prints items or hits in the format the flags ask for: the one place list and search share. Returns that format. */
export function emitItems(rows: Item[] | Hit[], opts: CommonOptions, rt: Runtime): Format {
  const format = pickFormat(opts, rt);
  const isHits = rows.length > 0 && 'item' in rows[0]!;
  const valid = isHits ? [...ITEM_FIELDS, ...HIT_FIELDS] : [...ITEM_FIELDS];
  const fields = parseFields(opts.fields, valid);
  if (format === 'table') rt.out(renderTable(rows, styleFor(opts, rt)));
  else if (format === 'lines') rt.out(renderLines(rows));
  else {
    const records = (rows as Array<Item | Hit>).map((r) =>
      selectFields('item' in r ? hitRecord(r) : itemRecord(r), fields),
    );
    if (format === 'json') rt.out(renderJson(records));
    else if (format === 'jsonl') rt.out(renderJsonl(records));
    else rt.out(renderCsv(records, fields ?? valid));
  }
  return format;
}
