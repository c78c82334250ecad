import type { Corpus } from '../load/loadCorpus.js';
import type { Enrichers } from '../enrich/enrichItems.js';
import type { PickTerms, Vocabulary } from '../indexing/termIndex.js';
import type { Query } from './parseQuery.js';
import { stemQueries } from '../indexing/buildIndex.js';
import { fuzzyDistance, rankCorpus, type Ranked, type SearchOptions } from './searchItems.js';
import { maxEdits, suggestTerms } from './suggestTerms.js';

/** What a query needs of the index: ranking (rankCorpus), or also typo suggestions (suggestTerms). */
export type IndexUse = 'rank' | 'suggest';

/**
 * Every index term that searching for `query` can meet, found in the corpus's terms: each query word and its
 * stems; for a word the corpus does not have, the words within as many edits as the ranking tries; for a prefix
 * (`word*`) the words it begins. For suggestions (`'suggest'`), also the words within as many edits as
 * suggestTerms allows and the words a word begins. Loading the postings of these terms only gives the same hits
 * as the whole index (see termIndex.ts), provided ranking is also given the index's TermLookup: whether a word
 * is known and how common it is are read there, not searched for.
 */
export function termsForQuery(query: Query, terms: Vocabulary, use: IndexUse = 'rank'): Set<string> {
  const clauses = [...query.include, ...query.exclude];
  const prefixes = new Set(clauses.filter((c) => c.prefix).flatMap((c) => c.terms));
  const out = new Set<string>();
  for (const word of new Set(clauses.flatMap((c) => c.terms))) {
    const stems = stemQueries(word);
    out.add(word);
    for (const s of stems) out.add(s);
    const known = terms.has(word) || stems.some((s) => terms.has(s));
    const edits = Math.max(known ? 0 : fuzzyDistance(word), use === 'suggest' && word.length >= 3 ? maxEdits(word) : 0);
    if (edits > 0) for (const t of terms.near(word, edits)) out.add(t);
    if (prefixes.has(word) || (use === 'suggest' && word.length >= 4))
      for (const t of terms.startingWith(word)) out.add(t);
  }
  return out;
}

/** The terms `query` needs, as a picker for Corpus.index. */
export const termsFor =
  (query: Query, use: IndexUse = 'rank'): PickTerms =>
  (terms) =>
    termsForQuery(query, terms, use);

/**
 * Ranks `query` over a corpus as commands do: with an index holding only the terms the query can meet, and the
 * corpus's term lookup that such an index must be ranked with.
 */
export function rankQuery(
  corpus: Pick<Corpus, 'index' | 'lookup' | 'byId'>,
  query: Query,
  enrichers: Enrichers,
  options: Omit<SearchOptions, 'tagged' | 'lookup'> = {},
): Ranked[] {
  return rankCorpus(corpus.index(termsFor(query)), corpus.byId, query, enrichers, {
    ...options,
    lookup: corpus.lookup(),
  });
}

/** The " — did you mean …?" hint for a query that found nothing in a corpus (see suggestTerms). */
export const suggestQuery = (corpus: Pick<Corpus, 'index'>, query: Query): string =>
  suggestTerms(corpus.index(termsFor(query, 'suggest')), query);
