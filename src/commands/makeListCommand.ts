import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `meso list`: every item (or those that pass the filters), newest first, undated last. */
export function makeListCommand(rt: Runtime): Command {
  const cmd = new Command('list').description('list items, newest first (undated last)');
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  cmd.addHelpText(
    'after',
    '\nExamples:\n  meso list --country "Costa Rica"\n  meso list --topic smuggling --since 2018 --json | jq -r \'.[].title\'\n  meso list --fields date,title --format tsv | sort',
  );
  return cmd.action(async (_opts: unknown, self: Command) => (await import('./runList.js')).runList(self, rt));
}
