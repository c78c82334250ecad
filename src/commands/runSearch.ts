import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { queryWords } from './queryWords.js';
import type { Runtime } from '../runtime.js';
import { matchFilters, hasFilters } from '../query/filterItems.js';
import { NoResultsError } from '../errors.js';
import { parseQuery } from '../query/parseQuery.js';
import { rankQuery, suggestQuery } from '../query/queryTerms.js';
import { describeHits } from '../query/searchItems.js';
import { enrichersForQuery } from '../enrich/getEnrichers.js';
import { applyLimit, emitItems, styleFor } from './emitItems.js';
import { renderExplain } from '../render/renderExplain.js';
import { timed } from '../timings.js';

/** How many hits search prints without --limit. */
const DEFAULT_LIMIT = 20;

export interface SearchOpts extends CommonOptions {
  any?: boolean;
  all?: boolean;
  explain?: boolean;
  sort?: 'relevance' | 'date';
}

/** What `meso search <query...>` does (loaded when it runs; the command and its help are in makeSearchCommand). */
export async function runSearch(words: string[], self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<SearchOpts>();
  const text = queryWords(words, rt.argv, self).join(' ');
  const query = parseQuery(text);
  const filters = filtersFor(opts);
  for (const note of query.notes) rt.err(`meso: warning: ${note}\n`);
  const corpus = openCorpus(opts, rt);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const ranked = rankQuery(corpus, query, enrichersForQuery(text), {
    all: opts.all,
    allow: matchFilters(filters),
    sort: opts.sort,
    // only the hits printed need their order (all are counted)
    top: Number.isFinite(limit) ? limit : undefined,
  });
  if (ranked.length === 0) {
    await emitItems([], opts, rt, { hits: true }); // [] for --json, a header for CSV: what a reader of the format expects
    const hint = hasFilters(filters) ? '' : suggestQuery(corpus, query);
    throw new NoResultsError(
      `no results for ${quoted(text.length > 80 ? `${text.slice(0, 77)}...` : text)}${hasFilters(filters) ? ' with these filters' : ''}${hint}`,
    );
  }
  // a cut list says so on stderr in every format (emitItems), so a script knows it has not got them all
  const hits = timed('describe', () => describeHits(applyLimit(ranked, opts, DEFAULT_LIMIT), opts.explain));
  const format = await emitItems(hits, opts, rt, { hits: true, total: ranked.length });
  // the account of --explain follows a table; after plain lines (a pipe) it goes to stderr, so that stdout keeps one
  // line per row (JSON has it per hit; CSV and TSV, whose columns are fixed, leave it out)
  if (opts.explain && format === 'table') rt.out(renderExplain(hits, await styleFor(opts, rt)));
  if (opts.explain && format === 'lines') rt.err(renderExplain(hits, await styleFor(opts, rt, true)));
}

/** A query in a message: in double quotes, or in single quotes when it holds double quotes and no single one. */
const quoted = (text: string): string =>
  text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
