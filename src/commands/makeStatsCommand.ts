import { Command } from 'commander';
import { addOptions } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `meso stats`: pages read, items, dated and undated, duplicates merged, diagnostics; per page too. */
export function makeStatsCommand(rt: Runtime): Command {
  const cmd = new Command('stats').description(
    'count pages, items, dated and undated items, merged duplicates and warnings, per page too',
  );
  cmd.addHelpText(
    'after',
    '\nEvery file given is in the per-page list: read, or skipped and why (binary,\nempty, too large, unreadable…).\n\nExamples:\n  meso stats\n  meso stats --data ./pages --json | jq \'.perPage[] | select(.diagnostics > 0)\'\n  meso stats --data ./pages --json |\n    jq -r \'.perPage[] | select(.status == "skipped") | "\\(.file): \\(.reason)"\'',
  );
  addOptions(cmd, ['json']);
  return cmd.action(async (_opts: unknown, self: Command) => (await import('./runStats.js')).runStats(self, rt));
}
