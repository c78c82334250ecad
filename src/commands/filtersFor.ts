import type { CommonOptions } from '../options.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { resolveFilters, type Filters } from '../query/filterItems.js';

/**
 * Checks the filter flags against the gazetteer and taxonomy, which are read only when a country or topic is
 * given: date bounds alone need neither.
 */
export function filtersFor(opts: CommonOptions): Filters {
  if (!opts.country?.length && !opts.topic?.length) return resolveFilters(opts, null, null);
  const { gazetteer, topics } = getEnrichers();
  return resolveFilters(opts, gazetteer, topics.taxonomy);
}
