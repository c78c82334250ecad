import { Command } from 'commander';
import { addOptions, FORMAT_OPTIONS, type CommonOptions } from '../options.js';
import { openCorpus } from '../load/openCorpus.js';
import { emitRows, styleFor } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { NoResultsError, UsageError } from '../errors.js';
import { ITEM_FIELDS, itemRecord } from '../render/records.js';
import { renderItem } from '../render/renderItem.js';
import { shortId } from '../render/renderTable.js';
import { enrichItems } from '../enrich/enrichItems.js';
import { getEnrichers } from '../enrich/getEnrichers.js';

/** `meso show <id>`: one item in full, with its sources and the evidence for its countries, topics and date. */
export function makeShowCommand(rt: Runtime): Command {
  const cmd = new Command('show')
    .description('show one item in full, with its sources and why it got its countries and topics')
    .argument('<id>', 'an item id, or a unique prefix of one (the short id in tables)');
  cmd.addHelpText(
    'after',
    "\nExamples:\n  meso show 46b7b7f\n  meso show 46b7b7f --json | jq '.places'\n  meso list --country Belize --json | jq -r '.[0].id' | xargs meso show",
  );
  addOptions(cmd, FORMAT_OPTIONS);
  return cmd.action((id: string, _opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const corpus = openCorpus(opts, rt);
    const key = id.trim().toLowerCase();
    if (!/^[0-9a-f]+$/.test(key))
      throw new UsageError(`"${id}" is not an item id: ids are hexadecimal, as in the ID column of meso list`);
    const matches = corpus.items.filter((i) => i.id.startsWith(key));
    if (matches.length === 0) throw new NoResultsError(`no item with id ${key}`);
    if (matches.length > 1)
      throw new UsageError(
        `id prefix ${key} matches ${matches.length} items (${matches
          .slice(0, 5)
          .map((i) => shortId(i.id))
          .join(', ')}${matches.length > 5 ? ', …' : ''}): give more characters`,
      );
    const item = matches[0]!;
    // the evidence is not kept for every item: enrich this one again (the same tables give the same answer)
    const evidence = enrichItems([item], getEnrichers()).evidence[item.id] ?? [];
    const view = () => renderItem(item, evidence, styleFor(opts, rt));
    emitRows(
      {
        fields: [...ITEM_FIELDS, 'evidence'],
        records: [{ ...itemRecord(item), evidence }],
        table: view,
        lines: view,
        single: true,
      },
      opts,
      rt,
    );
  });
}
