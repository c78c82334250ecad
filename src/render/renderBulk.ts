import type { OutputRecord } from './records.js';
import { renderJsonl } from './renderJson.js';

/**
 * The OpenSearch / Elasticsearch `_bulk` body: for each item an action line `{"index":{"_index":…,"_id":…}}`
 * and the document line; newline-delimited, ending with a newline as the API requires. `ids[i]` is the id of
 * `records[i]`, given apart so that every action line has its `_id` even when `--fields` leaves `id` out of
 * the documents (without it, a re-import would duplicate every item).
 */
export function renderBulk(records: OutputRecord[], index: string, ids: string[]): string {
  if (ids.length !== records.length) throw new Error('renderBulk: one id per record');
  return renderJsonl(records.flatMap((r, i) => [{ index: { _index: index, _id: ids[i] } }, r]));
}

/**
 * Why OpenSearch and Elasticsearch would refuse an index name, or null when they take it: lower case only, no
 * spaces or `\ / * ? " < > | , # :`, not starting with `-`, `_` or `+`, not `.` or `..`, at most 255 bytes.
 *
 * @example
 * indexNameProblem('News')  //=> 'has capital letters (index names are lower case)'
 */
export function indexNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `cannot be "${name}"`;
  if (/^[-_+]/.test(name)) return 'starts with "-", "_" or "+"';
  if (name !== name.toLowerCase()) return 'has capital letters (index names are lower case)';
  const bad = /[\\/*?"<>|,#:\s]/u.exec(name);
  if (bad) return `holds ${JSON.stringify(bad[0])}, which index names cannot hold (\\ / * ? " < > | , # : or a space)`;
  if (Buffer.byteLength(name) > 255) return 'is longer than 255 bytes';
  return null;
}

/**
 * The index mapping for the bulk export: English-analysed text, keyword facets, a date. `dynamic: false` keeps
 * a field it does not name out of the index (stored, not searchable): it names every field of an item.
 */
export const INDEX_MAPPING = {
  mappings: {
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      title: { type: 'text', analyzer: 'english' },
      summary: { type: 'text', analyzer: 'english' },
      body: { type: 'text', analyzer: 'english' },
      date: { type: 'date', format: 'yyyy-MM-dd' },
      dateSource: { type: 'keyword' },
      inferredDate: {
        properties: { value: { type: 'keyword' }, precision: { type: 'keyword' }, evidence: { type: 'text' } },
      },
      countries: { type: 'keyword' },
      primaryCountry: { type: 'keyword' },
      places: { properties: { name: { type: 'keyword' }, country: { type: 'keyword' }, kind: { type: 'keyword' } } },
      topics: { type: 'keyword' },
      sources: { properties: { file: { type: 'keyword' }, line: { type: 'integer' } } },
    },
  },
};
