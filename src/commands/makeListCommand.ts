import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS, type CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { matchFilters, hasFilters } from '../query/filterItems.js';
import { NoResultsError } from '../errors.js';
import { applyLimit, emitItems } from './emitItems.js';

/** `meso list`: every item (or those that pass the filters), newest first, undated last. */
export function makeListCommand(rt: Runtime): Command {
  const cmd = new Command('list').description('list items, newest first (undated last)');
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  cmd.addHelpText(
    'after',
    '\nExamples:\n  meso list --country "Costa Rica"\n  meso list --topic smuggling --since 2018 --json | jq -r \'.[].title\'\n  meso list --fields date,title --format tsv | sort',
  );
  return cmd.action((_opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const filters = filtersFor(opts);
    const corpus = openCorpus(opts, rt);
    const items = corpus.items.filter(matchFilters(filters));
    emitItems(applyLimit(items, opts), opts, rt, { total: items.length });
    if (items.length === 0)
      throw new NoResultsError(hasFilters(filters) ? 'no items match these filters' : 'no items in the data');
  });
}
