import { Command } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

/** How many items similar prints without --limit. */
const DEFAULT_LIMIT = 10;

/** `meso similar <id>`: the items most like one item, by shared salient terms, countries and topics. */
export function makeSimilarCommand(rt: Runtime): Command {
  const cmd = new Command('similar')
    .description('items most like a given one: shared salient words, countries and topics ("more like this")')
    .argument('<id>', 'an item id, or a unique prefix of one (the short id in tables)');
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  cmd.addHelpText(
    'after',
    `\nThe item's strongest words (by tf-idf) are searched for; an item that shares\nmore of them, and more of its countries and topics, ranks higher (score 0 to\n1). The item itself is left out. Default --limit ${DEFAULT_LIMIT}.\n\nExamples:\n  meso similar 46b7b7f\n  meso similar 46b7b7f --country Mexico -n 5 --json | jq -r '.[].title'`,
  );
  return cmd.action(async (id: string, _opts: unknown, self: Command) =>
    (await import('./runSimilar.js')).runSimilar(id, self, rt, DEFAULT_LIMIT),
  );
}
