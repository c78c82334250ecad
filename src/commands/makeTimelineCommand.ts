import { Command, Option } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS, parseFileName } from '../options.js';
import type { Runtime } from '../runtime.js';
import { QUERY_HELP } from './makeSearchCommand.js';

/** `meso timeline [query...]`: how many matching items per period, as a chart, JSON, CSV or SVG. */
export function makeTimelineCommand(rt: Runtime): Command {
  const cmd = new Command('timeline')
    .description('count matching items per day, week, month, quarter or year: a chart, JSON, CSV or SVG')
    .argument('[query...]', 'optional search query (same language as meso search)');
  cmd.addOption(
    new Option('--by <period>', 'bucket size; auto picks one that gives a readable number of rows')
      .choices(['auto', 'day', 'week', 'month', 'quarter', 'year'])
      .default('auto'),
  );
  cmd.addOption(
    new Option(
      '--split <facet>',
      'one series per country (primary, else first) or topic (first): top values, the rest as "other"',
    ).choices(['country', 'topic']),
  );
  cmd.addOption(new Option('--normalize', "show each period's count as a share of all items dated in it"));
  cmd.addOption(
    new Option('--inferred', 'place undated items that have a date in their text, marked and counted apart'),
  );
  cmd.addOption(new Option('--all', 'every query word must match (no synonyms or near spellings)'));
  cmd.addOption(
    new Option('--any', 'one query word is enough (the default, best match; kept for scripts)').conflicts('all'),
  );
  cmd.addOption(
    new Option('--svg <file>', 'also write the chart as a standalone SVG file (atomically)').argParser(
      parseFileName('--svg timeline.svg'),
    ),
  );
  addOptions(cmd, [...FILTER_OPTIONS, ...FORMAT_OPTIONS]);
  cmd.allowUnknownOption(); // -word is an exclusion, not a flag: see queryWords
  cmd.addHelpText(
    'after',
    `\nIn a pipe: one tab-separated line per period (period, count), no header;\n--format table prints the chart there too.\n${QUERY_HELP}\n\nExamples:\n  meso timeline --country "Costa Rica"\n  meso timeline trafficking --by quarter --normalize\n  meso timeline --split topic --by month --svg topics.svg\n  meso timeline --by year --json | jq '.buckets[] | [.period, .count]'`,
  );
  return cmd.action(async (words: string[], _opts: unknown, self: Command) =>
    (await import('./runTimeline.js')).runTimeline(words, self, rt),
  );
}
