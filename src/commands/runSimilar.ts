import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { hasFilters, matchFilters } from '../query/filterItems.js';
import { NoResultsError } from '../errors.js';
import { shortId } from '../render/shortId.js';
import { findItem } from './findItem.js';
import { rankSimilar } from '../query/rankSimilar.js';
import { describeHits } from '../query/searchItems.js';
import { applyLimit, emitItems } from './emitItems.js';

/** What `meso similar` does (the command, its flags and its help: makeSimilarCommand). */
export async function runSimilar(id: string, self: Command, rt: Runtime, defaultLimit: number): Promise<void> {
  const opts = self.optsWithGlobals<CommonOptions>();
  const filters = filtersFor(opts);
  const corpus = openCorpus(opts, rt);
  const item = findItem(corpus.items, id);
  const ranked = rankSimilar(corpus, item, matchFilters(filters));
  await emitItems(describeHits(applyLimit(ranked, opts, defaultLimit)), opts, rt, { hits: true, total: ranked.length });
  // ([] for JSON, a header for CSV and TSV: what a reader of the format expects, printed above)
  if (ranked.length === 0)
    throw new NoResultsError(`no item like ${shortId(item.id)}${hasFilters(filters) ? ' with these filters' : ''}`);
}
