import type { OutputRecord } from './records.js';
import { renderJsonl } from './renderJson.js';

/**
 * The OpenSearch / Elasticsearch `_bulk` body: for each item an action line `{"index":{"_index":…,"_id":…}}`
 * and the document line; newline-delimited, ending with a newline as the API requires.
 */
export function renderBulk(records: OutputRecord[], index: string): string {
  return renderJsonl(records.flatMap((r) => [{ index: { _index: index, _id: r.id } }, r]));
}

/** The index mapping for the bulk export: English-analysed text, keyword facets, a date. */
export const INDEX_MAPPING = {
  mappings: {
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      title: { type: 'text', analyzer: 'english' },
      summary: { type: 'text', analyzer: 'english' },
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
