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
export function queryWords(marked: string[], argv: readonly string[] = [], cmd?: Command): string[] {
  const words = marked.map((w) => (w.startsWith(MARK) ? w.slice(MARK.length) : w));
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

/** What {@link markExclusions} puts before an exclusion: a NUL, which no command line can hold. */
const MARK = '\u0000';

/**
 * A `-word` exclusion rather than short flags: a dash and two or more characters, but for what can only be flags
 * (short flags run together, `-qn`; a flag and `=`, `-n=5`) and a flag with its value attached where a word would
 * not be so written (digits, `-n5`; a capital, `-cMexico`).
 */
function isExclusion(arg: string, short: ReadonlySet<string>, takesValue: ReadonlySet<string>): boolean {
  if (arg.length < 3 || arg[0] !== '-' || arg[1] === '-') return false;
  const flag = `-${arg[1]}`;
  if (!short.has(flag)) return true;
  const rest = arg.slice(2);
  if (rest.startsWith('=') || [...rest].every((c) => short.has(`-${c}`))) return false;
  return !(takesValue.has(flag) && /^(\d+|\p{Lu}.*)$/u.test(rest));
}

/**
 * The command line of search or timeline with the query's exclusions marked, so that commander hands them over as
 * query words ({@link queryWords} takes the marks off): after the command, a `-word` is an exclusion even where
 * its first letter is a short flag's, which commander would read as that flag with the rest as its value or as
 * more flags (`-nicaragua` as `-n icaragua`, `-caravans` as `-c aravans`, `-hurricanes` as `-h`). A short flag
 * takes its value after a space (`-c Mexico`), or attached when it is digits or starts with a capital (`-n5`,
 * `-cMexico`); flags run together (`-qn 5`) stay flags (see isExclusion). Nothing a flag takes as its value is
 * marked, nor anything after `--`.
 */
export function markExclusions(argv: readonly string[], program: Command): string[] {
  const takesValue = new Set<string>();
  const short = new Set<string>(['-h']);
  for (const cmd of [program, ...program.commands])
    for (const option of cmd.options) {
      if (option.short) short.add(option.short);
      if (option.required || option.optional)
        for (const flag of [option.short, option.long]) if (flag) takesValue.add(flag);
    }
  const out = [...argv];
  let command = false;
  for (let i = 2; i < out.length; i++) {
    const arg = out[i]!;
    if (arg === '--') break;
    if (takesValue.has(arg)) i++;
    else if (!command) command = !arg.startsWith('-');
    else if (isExclusion(arg, short, takesValue)) out[i] = MARK + arg;
  }
  return out;
}
