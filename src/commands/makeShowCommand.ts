import { Command } from 'commander';
import { addOptions, FORMAT_OPTIONS, type CommonOptions } from '../options.js';
import { openCorpus } from '../load/openCorpus.js';
import { emitRows, styleFor } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { findItem } from './findItem.js';
import { ITEM_FIELDS, itemRecord } from '../render/records.js';
import { renderItem } from '../render/renderItem.js';
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
    const item = findItem(corpus.items, id);
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
