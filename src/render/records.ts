import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import { UsageError } from '../errors.js';

/** Fields of an item record, in the order JSON and CSV print them. */
export const ITEM_FIELDS = [
  'id',
  'title',
  'date',
  'dateSource',
  'inferredDate',
  'summary',
  'countries',
  'primaryCountry',
  'places',
  'topics',
  'sources',
  'body',
] as const;
/**
 * The fields of a facet row: a country's count and how many items have it as primary; a topic's label; and on
 * every row `total`, the items that pass the filters (the `(items)` line of the table).
 */
export const FACET_FIELDS = {
  countries: ['value', 'count', 'primary', 'total'],
  topics: ['value', 'label', 'count', 'total'],
} as const;

/** Fields a search hit adds. */
export const HIT_FIELDS = ['score', 'matched', 'snippet'] as const;

export type RecordValue = unknown;
export type OutputRecord = Record<string, RecordValue>;

/** An item as its JSON record: every field, in the documented order. */
export function itemRecord(item: Item): OutputRecord {
  const out: OutputRecord = {};
  for (const f of ITEM_FIELDS) out[f] = item[f] ?? null;
  return out;
}

/** A search hit as its JSON record: the item's fields, then score, matched and snippet. */
export function hitRecord(hit: Hit): OutputRecord {
  return {
    ...itemRecord(hit.item),
    score: Math.round(hit.score * 1e4) / 1e4,
    matched: hit.matched,
    snippet: hit.snippet,
    // its score rounded as the hit's (the parts are rounded already)
    ...(hit.explain ? { explain: { ...hit.explain, score: Math.round(hit.explain.score * 1e4) / 1e4 } } : {}),
  };
}

/**
 * Parses `--fields id,title,…` against the fields a command prints; an unknown field is a usage error that
 * lists the valid ones.
 */
export function parseFields(value: string | undefined, valid: readonly string[]): string[] | null {
  if (value === undefined) return null;
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw new UsageError(`--fields is empty: name one or more of ${valid.join(', ')}`);
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  // (JSON would hold it once, CSV and TSV twice: the formats would disagree)
  if (twice) throw new UsageError(`--fields names "${twice}" twice: name each field once`);
  const bad = fields.filter((f) => !valid.includes(f));
  if (bad.length)
    throw new UsageError(
      `unknown field${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')} in --fields: valid fields are ${valid.join(', ')}`,
    );
  return fields;
}

/** Keeps only the selected fields, in the selected order. */
export function selectFields(record: OutputRecord, fields: string[] | null): OutputRecord {
  if (!fields) return record;
  const out: OutputRecord = {};
  for (const f of fields) out[f] = record[f];
  return out;
}
