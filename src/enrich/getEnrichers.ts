import { compileGazetteer } from './compileGazetteer.js';
import { compileTopics } from './classifyTopics.js';
import type { Enrichers } from './enrichItems.js';
import { loadCountries, loadTopics } from './tables.js';
import { timed } from '../timings.js';

let enrichers: Enrichers | undefined;

/** The compiled gazetteer and taxonomy, read once per process, on first use. */
export function getEnrichers(): Enrichers {
  enrichers ??= timed('compile gazetteer and taxonomy', () => ({
    gazetteer: compileGazetteer(loadCountries()),
    topics: compileTopics(loadTopics()),
  }));
  return enrichers;
}
