import { Command, Option } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS } from '../options.js';
import type { Runtime } from '../runtime.js';

export const QUERY_HELP = `
Query language:
  word word          best match: items with every word first, then those
                     missing one, … (--all: every word must match);
                     case and accents are folded
  +word              this word must match
  "exact phrase"     must match: the words adjacent and in this order
  -word  -"phrase"   leave out items that contain it
  title:word         must be in the title (title:"a phrase" too)
  word*              any word that starts with it
  Stop words (the, what, did, how, about, de, la, los, …) are not required
  and weigh little, so a question works: what did IOM do about hurricanes in
  Honduras. Words also match by stem (returnees → return), a word not in the
  corpus matches similar words (traficking → trafficking), and synonyms (jobs →
  employment, trata de personas → trafficking) and acronyms (ILO ↔
  International Labour Organization) match below the word itself. A query that
  names a topic or country (guatemalteco) also finds the items tagged with it.`;

/** `meso search <query...>`: full-text search, best first. */
export function makeSearchCommand(rt: Runtime): Command {
  const cmd = new Command('search')
    .description('search titles, summaries and article text, best match first')
    .argument('<query...>', 'words, "phrases", -exclusions, title:word, word*');
  cmd.addOption(
    new Option(
      '--all',
      'every word must match, as written or by stem, or as a country or topic it names (no synonyms or near spellings): a strict AND',
    ),
  );
  cmd.addOption(new Option('--any', 'one word is enough (the default, best match; kept for scripts)').conflicts('all'));
  cmd.addOption(new Option('--explain', 'per hit, which terms gave how much of the score (JSON: an "explain" field)'));
  cmd.addOption(new Option('--sort <order>', 'order of the hits').choices(['relevance', 'date']).default('relevance'));
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  cmd.allowUnknownOption(); // -word is an exclusion, not a flag: see queryWords
  cmd.addHelpText(
    'after',
    `${QUERY_HELP}\n\nExamples:\n  meso search trafficking\n  meso search what did IOM do about hurricanes in Honduras\n  meso search jobs for migrants --explain\n  meso search '"voluntary return"' --country Guatemala\n  meso search smuggling -n 5 --json | jq -r '.[] | "\\(.score) \\(.title)"'`,
  );
  return cmd.action(async (words: string[], _opts: unknown, self: Command) =>
    (await import('./runSearch.js')).runSearch(words, self, rt),
  );
}
