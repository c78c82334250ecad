import type { CommonOptions } from '../options.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { resolveFilters, type Filters } from '../query/filterItems.js';

/** Checks the filter flags against the gazetteer and taxonomy. */
export function filtersFor(opts: CommonOptions): Filters {
  const { gazetteer, topics } = getEnrichers();
  return resolveFilters(opts, gazetteer, topics.taxonomy);
}
