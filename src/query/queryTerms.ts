import type { PickTerms, Vocabulary } from '../indexing/termIndex.js';
import type { Query } from './parseQuery.js';
import { stemQueries } from '../indexing/buildIndex.js';
import { toWords } from '../text/tokenize.js';
import { fuzzyDistance } from './searchItems.js';
import { maxEdits } from './suggestTerms.js';

/** What a query needs of the index: ranking (rankCorpus), or also typo suggestions (suggestTerms). */
export type IndexUse = 'rank' | 'suggest';

/**
 * Every index term that searching for `query` can meet, found in the corpus's terms: each query word, its
 * stems, the words it reaches by a typo (as many edits as the ranking, the common-word check and, for
 * suggestions, suggestTerms allow), and for a prefix (`word*`, or a suggestion's completion) the words it
 * begins. Loading the postings of these terms only gives the same hits as the whole index (see termIndex.ts).
 */
export function termsForQuery(query: Query, terms: Vocabulary, use: IndexUse = 'rank'): Set<string> {
  const clauses = [...query.include, ...query.exclude];
  const words = new Set(clauses.flatMap((c) => c.terms));
  // namedTags reads the query again as words
  for (const w of toWords(clauses.map((c) => c.terms.join(' ')).join(' '))) words.add(w.term);
  const prefixes = new Set(clauses.filter((c) => c.prefix).flatMap((c) => c.terms));
  const out = new Set<string>();
  for (const word of words) {
    out.add(word);
    for (const s of stemQueries(word)) out.add(s);
    const edits = Math.max(fuzzyDistance(word), use === 'suggest' && word.length >= 3 ? maxEdits(word) : 0);
    if (edits > 0) for (const t of terms.near(word, edits)) out.add(t);
    if (prefixes.has(word) || (use === 'suggest' && word.length >= 4)) for (const t of terms.startingWith(word)) out.add(t);
  }
  return out;
}

/** The terms `query` needs, as a picker for Corpus.index. */
export const termsFor =
  (query: Query, use: IndexUse = 'rank'): PickTerms =>
  (terms) =>
    termsForQuery(query, terms, use);
