import { Command, Option } from 'commander';
import { addOptions, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `meso parse FILE...`: how each page parses (items with line numbers, layout, diagnostics), for page authors and pipelines. */
export function makeParseCommand(rt: Runtime): Command {
  const cmd = new Command('parse')
    .description('show how pages parse: items with line numbers, the layout found, and every diagnostic')
    .argument('<file...>', 'page files or folders; - reads standard input');
  cmd.addOption(
    new Option('--strict', 'exit 2 when any line could not be placed in an item, or was placed by a doubtful reading'),
  );
  addOptions(cmd, FORMAT_OPTIONS);
  cmd.addHelpText(
    'after',
    '\nEach page gets the layout meso chose for it and why; then its items (line,\ndate, title); then every line left out or placed with a doubt, as file:line.\nNotes (furniture, language markers, headings) are left out on purpose;\nwarnings and doubts are worth a look, and --strict fails on them.\n\nWith --jsonl, --csv or --format tsv: one row per item found (fields: file,\nline, id, date, title, summary, lines), and the diagnostics on stderr.\n--json: {"pages": [{"file", "layout", "kind", "order", "why", "items",\n"diagnostics"}], "diagnostics"}.\n\nExamples:\n  meso parse data/pages/001_bcfdfb02d0d3a25a.txt\n  meso parse ~/scraped/new-section/ | less\n  curl -s … | meso parse - --json --strict\n  meso parse data/pages --format tsv --fields file,line,title',
  );
  return cmd.action(async (files: string[], _opts: unknown, self: Command) =>
    (await import('./runParse.js')).runParse(files, self, rt),
  );
}
