import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { matchFilters, hasFilters } from '../query/filterItems.js';
import { NoResultsError } from '../errors.js';
import { applyLimit, emitItems } from './emitItems.js';

/** What `meso list` does (the command, its flags and its help: makeListCommand). */
export async function runList(self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<CommonOptions>();
  const filters = filtersFor(opts);
  const corpus = openCorpus(opts, rt);
  const items = corpus.items.filter(matchFilters(filters));
  await emitItems(applyLimit(items, opts), opts, rt, { total: items.length });
  if (items.length === 0)
    throw new NoResultsError(hasFilters(filters) ? 'no items match these filters' : 'no items in the data');
}
