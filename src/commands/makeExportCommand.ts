import { Command, InvalidArgumentError, Option } from 'commander';
import { addOptions, FILTER_OPTIONS, parseFileName } from '../options.js';
import type { Runtime } from '../runtime.js';
import { indexNameProblem } from '../render/renderBulk.js';

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
  cmd.addOption(
    new Option('-o, --out <file>', 'write to this file (atomically) instead of standard output').argParser(
      parseFileName('--out items.jsonl'),
    ),
  );
  cmd.addOption(new Option('--bom', 'start CSV with a byte-order mark, for spreadsheet programs'));
  cmd.addOption(
    new Option('--index <name>', 'index name in the bulk action lines (lower case, as OpenSearch requires)')
      .default('meso')
      .argParser((name: string) => {
        const problem = indexNameProblem(name);
        if (problem)
          throw new InvalidArgumentError(`The index name ${JSON.stringify(name)} ${problem}; e.g. --index meso`);
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
  return cmd.action(async (_opts: unknown, self: Command) => (await import('./runExport.js')).runExport(self, rt));
}
