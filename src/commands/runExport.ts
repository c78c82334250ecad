import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { matchFilters } from '../query/filterItems.js';
import { ITEM_FIELDS, itemRecord, parseFields, selectFields } from '../render/records.js';
import { renderJsonl, renderJson } from '../render/renderJson.js';
import { renderCsv } from '../render/renderCsv.js';
import { renderBulk, INDEX_MAPPING } from '../render/renderBulk.js';
import { writeOutputFile } from '../io/writeFileAtomic.js';
import { NoResultsError, UsageError } from '../errors.js';

interface ExportOpts extends CommonOptions {
  format: 'jsonl' | 'csv' | 'bulk' | 'mapping';
  out?: string;
  bom?: boolean;
  index: string;
}

/** What `meso export` does (the command, its flags and its help: makeExportCommand). */
export async function runExport(self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<ExportOpts & { json?: boolean; jsonl?: boolean; csv?: boolean }>();
  const flag = (['json', 'jsonl', 'csv'] as const).find((f) => opts[f]);
  if (flag)
    throw new UsageError(
      `meso export chooses its format with --format: use --format ${flag === 'json' ? 'jsonl' : flag}`,
    );
  const emit = (text: string) => (opts.out ? writeOutputFile(opts.out, text) : rt.out(text));
  if (opts.format === 'mapping') return emit(renderJson(INDEX_MAPPING));
  const fields = parseFields(opts.fields, ITEM_FIELDS);
  const filters = filtersFor(opts);
  const corpus = openCorpus(opts, rt);
  const items = corpus.items.filter(matchFilters(filters));
  // nothing found: stdout holds what a reader of the format expects, CSV its header row (no file is written for
  // nothing)
  if (items.length === 0 && (opts.format !== 'csv' || opts.out))
    throw new NoResultsError('no items match these filters');
  const records = items.map((i) => selectFields(itemRecord(i), fields));
  if (opts.format === 'jsonl') emit(renderJsonl(records));
  else if (opts.format === 'csv')
    emit(renderCsv(records, fields ?? [...ITEM_FIELDS], { bom: opts.bom, safe: opts.csvSafe }));
  else
    emit(
      renderBulk(
        records,
        opts.index,
        items.map((i) => i.id),
      ),
    );
  if (items.length === 0) throw new NoResultsError('no items match these filters');
  if (opts.out) rt.err(`meso: wrote ${items.length} items to ${opts.out}\n`);
}
