import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { suggest } from '../query/suggest.js';

/** The long flags a command takes, its own and its parents' (the global ones), as commander shows them. */
const longFlags = (cmd: Command | undefined): string[] => {
  const flags: string[] = [];
  for (let c = cmd; c; c = c.parent ?? undefined)
    for (const o of c.options) if (o.long && !o.hidden) flags.push(o.long);
  return flags;
};

/**
 * The query words of search and timeline. Those commands let unknown options through so that `-word`
 * excludes; an unknown `--flag` is still a mistake, reported with the nearest flag the command takes (given
 * `cmd`) and the way to search for it.
 */
export function queryWords(words: string[], argv: readonly string[] = [], cmd?: Command): string[] {
  const escaped = new Set(argv.slice(argv.indexOf('--') + 1 || argv.length));
  const flag = words.find((w) => /^--[^-]/.test(w) && !escaped.has(w));
  if (flag) {
    const near = suggest(flag.split('=')[0]!, longFlags(cmd));
    throw new UsageError(
      `unknown option '${flag}'${near ? ` — did you mean ${near}?` : ''} (see --help; to search for a word starting with "--", put -- before the query)`,
    );
  }
  return words;
}
