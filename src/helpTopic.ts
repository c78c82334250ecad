/**
 * What a command line asks help about, when that is all it asks: '' for the program (`meso`, `meso --help`,
 * `meso -h`, `meso help`), a command's name for `meso <command> --help`, `meso <command> -h` and
 * `meso help <command>`; undefined for any other command line. (Whether the name is a command is not checked
 * here: dist/help.json only has entries for real ones.)
 */
export function helpTopic(args: readonly string[]): string | undefined {
  const [first, second] = args;
  if (first === undefined) return '';
  if (args.length === 1) return first === '--help' || first === '-h' || first === 'help' ? '' : undefined;
  if (args.length !== 2 || first.startsWith('-')) return undefined; // a flag first: commander reads the line
  if (second === '--help' || second === '-h') return first;
  return first === 'help' ? second : undefined;
}

/**
 * The first word of a command line that is not a flag nor the value of one of `valueFlags` (`meso --data ~/pages
 * list` → list): the command it runs, if it is one. Undefined when there is none before `--`.
 */
export function commandOf(args: readonly string[], valueFlags: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-')) return arg;
    if (valueFlags.includes(arg)) i++;
  }
  return undefined;
}

/**
 * Which code cache a command line uses (see main.ts): its command ({@link commandOf}) when that is a plain word,
 * else `any`; with `-built` when the run builds its corpus every time (`--no-cache`, pages from standard input:
 * `--data -`). Each command keeps the code it runs: a search does not read the code of a timeline, nor compile its
 * own every run because a `list` wrote the cache first; a run that parses pages keeps the parser's code apart.
 */
export function commandWord(args: readonly string[], valueFlags: readonly string[]): string {
  const word = commandOf(args, valueFlags);
  const command = word !== undefined && /^[a-z][a-z-]{0,30}$/.test(word) ? word : 'any';
  const end = args.indexOf('--');
  const flags = end < 0 ? args : args.slice(0, end);
  const builds =
    flags.includes('--no-cache') ||
    flags.includes('--data=-') ||
    flags.some((arg, i) => arg === '--data' && flags[i + 1] === '-');
  return builds ? `${command}-built` : command;
}
