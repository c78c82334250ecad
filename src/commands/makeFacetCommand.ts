import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

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
      ? '\nIn a pipe: one tab-separated line per country (value, count, primary,\ntotal), no header, no total row.\n\nExamples:\n  meso countries\n  meso countries --topic trafficking --since 2018\n  meso countries | sort -t "$(printf \'\\t\')" -k2,2nr | head -3\n  meso countries -n 5\n  meso countries --csv > countries.csv'
      : '\nIn a pipe: one tab-separated line per topic (value, label, count, total),\nno header, no total row.\n\nExamples:\n  meso topics\n  meso topics --country Honduras\n  meso topics --json | jq -r \'.[] | "\\(.count) \\(.label)"\'',
  );
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  return cmd.action(async (_opts: unknown, self: Command) => (await import('./runFacet.js')).runFacet(facet, self, rt));
}
