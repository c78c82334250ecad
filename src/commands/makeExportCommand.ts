import { Command, InvalidArgumentError, Option } from 'commander';
import { addOptions, FILTER_OPTIONS, type CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { matchFilters } from '../query/filterItems.js';
import { ITEM_FIELDS, itemRecord, parseFields, selectFields } from '../render/records.js';
import { renderJsonl, renderJson } from '../render/renderJson.js';
import { renderCsv } from '../render/renderCsv.js';
import { renderBulk, INDEX_MAPPING, indexNameProblem } from '../render/renderBulk.js';
import { writeOutputFile } from '../io/writeFileAtomic.js';
import { NoResultsError, UsageError } from '../errors.js';

interface ExportOpts extends CommonOptions {
  format: 'jsonl' | 'csv' | 'bulk' | 'mapping';
  out?: string;
  bom?: boolean;
  index: string;
}

/** `meso export`: the whole (or filtered) corpus as JSON Lines, CSV or an OpenSearch/Elasticsearch _bulk body. */
export function makeExportCommand(rt: Runtime): Command {
  const cmd = new Command('export').description(
    'write every item (or the filtered ones) as JSON Lines, CSV, or a search-cluster _bulk body',
  );
  cmd.addOption(
    new Option(
      '--format <format>',
      'jsonl, csv, bulk (OpenSearch/Elasticsearch _bulk NDJSON) or mapping (the index mapping for bulk)',
    )
      .choices(['jsonl', 'csv', 'bulk', 'mapping'])
      .default('jsonl'),
  );
  cmd.addOption(new Option('-o, --out <file>', 'write to this file (atomically) instead of standard output'));
  cmd.addOption(new Option('--bom', 'start CSV with a byte-order mark, for spreadsheet programs'));
  cmd.addOption(
    new Option('--index <name>', 'index name in the bulk action lines (lower case, as OpenSearch requires)')
      .default('meso')
      .argParser((name: string) => {
        const problem = indexNameProblem(name);
        if (problem)
          throw new InvalidArgumentError(`the index name ${JSON.stringify(name)} ${problem}; e.g. --index meso`);
        return name;
      }),
  );
  addOptions(cmd, [...FILTER_OPTIONS, 'fields', 'csvSafe']);
  // the format flags of the other commands, hidden: here they only point to --format
  for (const f of ['json', 'jsonl', 'csv']) cmd.addOption(new Option(`--${f}`).hideHelp());
  cmd.addHelpText(
    'after',
    '\nExamples:\n  meso export --format csv --bom --out items.csv\n  meso export --format bulk > bulk.ndjson\n  meso export --format mapping > mapping.json',
  );
  return cmd.action((_opts: unknown, self: Command) => {
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
    if (items.length === 0) throw new NoResultsError('no items match these filters');
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
    if (opts.out) rt.err(`meso: wrote ${items.length} items to ${opts.out}\n`);
  });
}
