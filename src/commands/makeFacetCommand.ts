import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS, type CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { emitRows } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { matchFilters } from '../query/filterItems.js';
import { countFacet } from '../query/countFacet.js';
import { renderFacetTable, type FacetRow } from '../render/renderFacetTable.js';
import { NoResultsError } from '../errors.js';
import { getEnrichers } from '../enrich/getEnrichers.js';

/**
 * The fields of a facet row: a country's count and how many items have it as primary; a topic's label; and on
 * every row `total`, the items that pass the filters (the `(items)` line of the table).
 */
export const FACET_FIELDS = {
  countries: ['value', 'count', 'primary', 'total'],
  topics: ['value', 'label', 'count', 'total'],
} as const;

/** `meso countries` and `meso topics`: how many items (passing the filters) carry each value. */
export function makeFacetCommand(rt: Runtime, facet: 'countries' | 'topics'): Command {
  const cmd = new Command(facet).description(
    facet === 'countries'
      ? 'count items per country, for the items that pass the filters'
      : 'count items per topic, for the items that pass the filters',
  );
  cmd.addHelpText(
    'after',
    facet === 'countries'
      ? '\nIn a pipe: one tab-separated line per country (value, count, primary, total), no header, no total row.\n\nExamples:\n  meso countries\n  meso countries --topic trafficking --since 2018\n  meso countries | sort -t "$(printf \'\\t\')" -k2,2nr | head -3\n  meso countries --csv > countries.csv'
      : '\nIn a pipe: one tab-separated line per topic (value, label, count, total), no header, no total row.\n\nExamples:\n  meso topics\n  meso topics --country Honduras\n  meso topics --json | jq -r \'.[] | "\\(.count) \\(.label)"\'',
  );
  addOptions(cmd, [...FILTER_OPTIONS, ...FORMAT_OPTIONS]);
  return cmd.action((_opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const filters = filtersFor(opts);
    const corpus = openCorpus(opts, rt);
    const items = corpus.items.filter(matchFilters(filters));
    const labels =
      facet === 'topics' ? new Map(getEnrichers().topics.taxonomy.topics.map((t) => [t.id, t.label])) : null;
    const total = items.length;
    const rows: FacetRow[] = countFacet(items, facet).map((c) =>
      labels
        ? { value: c.value, label: labels.get(c.value) ?? c.value, count: c.count, total }
        : { value: c.value, count: c.count, primary: c.primary, total },
    );
    emitRows(
      {
        fields: FACET_FIELDS[facet],
        records: rows.map((r) => ({ ...r })),
        table: (style) => renderFacetTable(rows, facet, total, style),
      },
      opts,
      rt,
    );
    if (items.length === 0) throw new NoResultsError('no items match these filters');
  });
}
