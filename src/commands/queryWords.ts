import { UsageError } from '../errors.js';

/**
 * The query words of search and timeline. Those commands let unknown options through so that `-word`
 * excludes; an unknown `--flag` is still a mistake, reported with the way to search for it.
 */
export function queryWords(words: string[], argv: readonly string[] = []): string[] {
  const escaped = new Set(argv.slice(argv.indexOf('--') + 1 || argv.length));
  const flag = words.find((w) => /^--[^-]/.test(w) && !escaped.has(w));
  if (flag)
    throw new UsageError(
      `unknown option '${flag}' (see --help; to search for a word starting with "--", put -- before the query)`,
    );
  return words;
}
