import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { applyLimit, emitRows, noteLimit } from './emitItems.js';
import { FACET_FIELDS } from '../render/records.js';
import type { Runtime } from '../runtime.js';
import { matchFilters } from '../query/filterItems.js';
import { countFacet } from '../query/countFacet.js';
import { renderFacetTable, type FacetRow } from '../render/renderFacetTable.js';
import { NoResultsError } from '../errors.js';
import { getEnrichers } from '../enrich/getEnrichers.js';

/** What `meso countries` and `meso topics` do (the command, its flags and its help: makeFacetCommand). */
export async function runFacet(facet: 'countries' | 'topics', self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<CommonOptions>();
  const filters = filtersFor(opts);
  const corpus = openCorpus(opts, rt);
  const items = corpus.items.filter(matchFilters(filters));
  const labels = facet === 'topics' ? new Map(getEnrichers().topics.taxonomy.topics.map((t) => [t.id, t.label])) : null;
  const total = items.length;
  const rows: FacetRow[] = countFacet(items, facet).map((c) =>
    labels
      ? { value: c.value, label: labels.get(c.value) ?? c.value, count: c.count, total }
      : { value: c.value, count: c.count, primary: c.primary, total },
  );
  // the most frequent first: --limit keeps the top ones, and says so on stderr as list and search do
  const shown = applyLimit(rows, opts);
  await emitRows(
    {
      fields: FACET_FIELDS[facet],
      records: shown.map((r) => ({ ...r })),
      table: (style) => renderFacetTable(shown, facet, total, style),
    },
    opts,
    rt,
  );
  noteLimit(shown.length, rows.length, facet, opts, rt);
  if (items.length === 0) throw new NoResultsError('no items match these filters');
}
