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
 * Which code cache a command line uses: its first word when that is a plain word (`search`, `list`), else `any`
 * (options first). Each command keeps the code it runs: a search does not read the code of a timeline, nor
 * compile its own every run because a `list` wrote the cache first.
 */
export const commandWord = (args: readonly string[]): string => {
  const first = args[0] ?? '';
  return /^[a-z][a-z-]{0,30}$/.test(first) ? first : 'any';
};
