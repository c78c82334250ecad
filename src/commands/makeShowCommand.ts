import { Command } from 'commander';
import { addOptions, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

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
  return cmd.action(async (id: string, _opts: unknown, self: Command) =>
    (await import('./runShow.js')).runShow(id, self, rt),
  );
}
