import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { openCorpus } from '../load/openCorpus.js';
import { emitRows, styleFor } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { findItem } from './findItem.js';
import { ITEM_FIELDS, itemRecord } from '../render/records.js';
import { renderItem } from '../render/renderItem.js';
import { enrichItems } from '../enrich/enrichItems.js';
import { getEnrichers } from '../enrich/getEnrichers.js';

/** What `meso show` does (the command, its flags and its help: makeShowCommand). */
export async function runShow(id: string, self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<CommonOptions>();
  const corpus = openCorpus(opts, rt);
  const item = findItem(corpus.items, id);
  // the evidence is not kept for every item: enrich this one again (the same tables give the same answer)
  const evidence = enrichItems([item], getEnrichers()).evidence[item.id] ?? [];
  const view = async () => renderItem(item, evidence, await styleFor(opts, rt));
  await emitRows(
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
}
