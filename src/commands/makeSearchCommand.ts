import { Command, Option } from 'commander';
import { addOptions, FILTER_OPTIONS, FORMAT_OPTIONS, type CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { queryWords } from './queryWords.js';
import type { Runtime } from '../runtime.js';
import { matchFilters, hasFilters } from '../query/filterItems.js';
import { NoResultsError } from '../errors.js';
import { parseQuery } from '../query/parseQuery.js';
import { rankQuery, suggestQuery } from '../query/queryTerms.js';
import { describeHits } from '../query/searchItems.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { applyLimit, emitItems, styleFor } from './emitItems.js';
import { renderExplain } from '../render/renderExplain.js';

export const QUERY_HELP = `
Query language:
  word word          best match: items with every word first, then those missing one, …
                     (--all: every word must match); case and accents are folded
  +word              this word must match
  "exact phrase"     must match: the words adjacent and in this order
  -word  -"phrase"   leave out items that contain it
  title:word         must be in the title (title:"a phrase" too)
  word*              any word that starts with it
  Stop words (the, what, did, how, about, de, la, los, …) are not required and weigh little,
  so a question works: what did IOM do about hurricanes in Honduras. Words also match by
  stem (returnees → return), a word not in the corpus matches similar words (traficking →
  trafficking), and synonyms (jobs → employment, trata de personas → trafficking) and
  acronyms (ILO ↔ International Labour Organization) match below the word itself. A query
  that names a topic or country (guatemalteco) also finds the items tagged with it.`;

/** How many hits search prints without --limit. */
const DEFAULT_LIMIT = 20;

interface SearchOpts extends CommonOptions {
  any?: boolean;
  all?: boolean;
  explain?: boolean;
  sort?: 'relevance' | 'date';
}

/** `meso search <query...>`: full-text search, best first. */
export function makeSearchCommand(rt: Runtime): Command {
  const cmd = new Command('search')
    .description('search titles, summaries and article text, best match first')
    .argument('<query...>', 'words, "phrases", -exclusions, title:word, word*');
  cmd.addOption(new Option('--all', 'every word must match, literally (no synonyms): a strict AND'));
  cmd.addOption(new Option('--any', 'one word is enough (the default, best match; kept for scripts)').conflicts('all'));
  cmd.addOption(new Option('--explain', 'per hit, which terms gave how much of the score (JSON: an "explain" field)'));
  cmd.addOption(new Option('--sort <order>', 'order of the hits').choices(['relevance', 'date']).default('relevance'));
  addOptions(cmd, [...FILTER_OPTIONS, 'limit', ...FORMAT_OPTIONS]);
  cmd.allowUnknownOption(); // -word is an exclusion, not a flag: see queryWords
  cmd.addHelpText(
    'after',
    `${QUERY_HELP}\n\nExamples:\n  meso search trafficking\n  meso search what did IOM do about hurricanes in Honduras\n  meso search jobs for migrants --explain\n  meso search '"voluntary return"' --country Guatemala\n  meso search smuggling -n 5 --json | jq -r '.[] | "\\(.score) \\(.title)"'`,
  );
  return cmd.action((words: string[], _opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<SearchOpts>();
    const text = queryWords(words, rt.argv, self).join(' ');
    const query = parseQuery(text);
    const filters = filtersFor(opts);
    for (const note of query.notes) rt.err(`meso: warning: ${note}\n`);
    const corpus = openCorpus(opts, rt);
    const ranked = rankQuery(corpus, query, getEnrichers(), {
      all: opts.all,
      allow: matchFilters(filters),
      sort: opts.sort,
    });
    if (ranked.length === 0) {
      emitItems([], opts, rt, { hits: true }); // [] for --json, a header for CSV: what a reader of the format expects
      const hint = hasFilters(filters) ? '' : suggestQuery(corpus, query);
      throw new NoResultsError(
        `no results for ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}${hasFilters(filters) ? ' with these filters' : ''}${hint}`,
      );
    }
    // a cut list says so on stderr in every format (emitItems), so a script knows it has not got them all
    const hits = describeHits(applyLimit(ranked, opts, DEFAULT_LIMIT), opts.explain);
    const format = emitItems(hits, opts, rt, { hits: true, total: ranked.length });
    if (opts.explain && (format === 'table' || format === 'lines')) rt.out(renderExplain(hits, styleFor(opts, rt)));
  });
}
