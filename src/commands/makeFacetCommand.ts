import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, type CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { pickFormat } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { matchFilters } from '../query/filterItems.js';
import { countFacet } from '../query/countFacet.js';
import { renderJson, renderJsonl } from '../render/renderJson.js';
import { renderCsv } from '../render/renderCsv.js';
import { parseFields, selectFields } from '../render/records.js';
import { NoResultsError } from '../errors.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';

/** The fields of a facet row: a country's count and how many items have it as primary; a topic's label. */
const FACET_FIELDS = { countries: ['value', 'count', 'primary'], topics: ['value', 'label', 'count'] };

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
      ? '\nExamples:\n  meso countries\n  meso countries --topic trafficking --since 2018\n  meso countries --csv > countries.csv'
      : '\nExamples:\n  meso topics\n  meso topics --country Honduras\n  meso topics --json | jq -r \'.[] | "\\(.count) \\(.label)"\'',
  );
  addOptions(cmd, [...FILTER_OPTIONS, 'json', 'jsonl', 'csv', 'fields']);
  return cmd.action((_opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const filters = filtersFor(opts);
    const corpus = openCorpus(opts, rt);
    const items = corpus.items.filter(matchFilters(filters));
    if (items.length === 0) throw new NoResultsError('no items match these filters');
    const labels =
      facet === 'topics' ? new Map(getEnrichers().topics.taxonomy.topics.map((t) => [t.id, t.label])) : null;
    const counts = countFacet(items, facet);
    const rows = counts.map((c) =>
      labels
        ? { value: c.value, label: labels.get(c.value) ?? c.value, count: c.count }
        : { value: c.value, count: c.count, primary: c.primary },
    );
    const format = pickFormat(opts, rt);
    if (format !== 'table' && format !== 'lines') {
      const fields = parseFields(opts.fields, FACET_FIELDS[facet]);
      const records = rows.map((r) => selectFields(r, fields));
      if (format === 'json') rt.out(renderJson(records));
      else if (format === 'jsonl') rt.out(renderJsonl(records));
      else rt.out(renderCsv(records, fields ?? FACET_FIELDS[facet]));
      return;
    }
    const w = Math.max(...rows.map((r) => r.value.length), 8);
    let text = `${(facet === 'topics' ? 'topic' : 'country').padEnd(w)}  items${facet === 'countries' ? '  primary' : '  label'}\n`;
    for (const r of rows)
      text += `${escapeForTerminal(r.value).padEnd(w)}  ${String(r.count).padStart(5)}  ${'primary' in r ? String(r.primary).padStart(7) : r.label}\n`;
    text += `${'(items)'.padEnd(w)}  ${String(items.length).padStart(5)}\n`;
    rt.out(text);
  });
}
