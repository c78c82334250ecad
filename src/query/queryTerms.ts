import type { Corpus } from '../load/loadCorpus.js';
import type { Enrichers } from '../enrich/enrichItems.js';
import type { PickTerms, Vocabulary } from '../indexing/termIndex.js';
import type { Query } from './parseQuery.js';
import { rankCorpus, type ProbeHits, type Ranked, type SearchOptions } from './searchItems.js';
import { maxEdits, suggestTerms } from './suggestTerms.js';
import { planQuery, planTerms, type Plan } from './planQuery.js';
import { FEEDBACK, feedbackTerms } from './feedbackTerms.js';
import { timed } from '../timings.js';
import { loadExpansions, type Expansions } from './loadExpansions.js';

/** What a query needs of the index: ranking (rankCorpus), or also typo suggestions (suggestTerms). */
export type IndexUse = 'rank' | 'suggest';

/** A query planned against an index's terms: its acronyms and whether each word is known come from there. */
export const planFor = (
  query: Query,
  terms: Vocabulary,
  all = false,
  expansions: Expansions | null = loadExpansions(terms.acronyms),
): Plan => planQuery(query, terms, expansions, all);

/**
 * Every index term that searching for `query` can meet, found in the corpus's terms: each query word and its
 * stems; for a word the corpus does not have, the words within as many edits as the ranking tries; for a prefix
 * (`word*`) the words it begins; the words of the synonyms and acronyms that stand for query words, and their
 * stems. For suggestions (`'suggest'`), also the words within as many edits as suggestTerms allows and the
 * words a word begins. Loading the postings of these terms only gives the same hits as the whole index (see
 * termIndex.ts), provided ranking is also given the index's TermLookup: whether a word is known and how common
 * it is are read there, not searched for.
 */
export function termsForQuery(query: Query, terms: Vocabulary, use: IndexUse = 'rank', plan?: Plan): Set<string> {
  const out = planTerms(plan ?? planFor(query, terms), terms);
  if (use === 'suggest')
    for (const c of query.include) {
      if (c.stop) continue;
      for (const word of c.terms) {
        if (word.length >= 3) for (const t of terms.near(word, maxEdits(word))) out.add(t);
        if (word.length >= 4) for (const t of terms.startingWith(word)) out.add(t);
      }
    }
  return out;
}

/** The terms `query` needs, as a picker for Corpus.index. */
export const termsFor =
  (query: Query, use: IndexUse = 'rank'): PickTerms =>
  (terms) =>
    termsForQuery(query, terms, use);

/**
 * Ranks `query` over a corpus as commands do: planned with the index's terms and acronyms, with an index
 * holding only the terms the plan can meet, and the corpus's term lookup that such an index must be ranked
 * with.
 */
export function rankQuery(
  corpus: Pick<Corpus, 'index' | 'lookup' | 'byId'>,
  query: Query,
  enrichers: Enrichers,
  options: Omit<SearchOptions, 'tagged' | 'lookup' | 'plan' | 'probes'> & {
    /** pseudo-relevance feedback for queries with few strong hits (see feedbackTerms); on by default */
    feedback?: boolean;
  } = {},
): Ranked[] {
  let plan: Plan | undefined;
  const index = corpus.index((terms) => {
    const expansions = timed('expansions', () =>
      options.expansions === undefined ? loadExpansions(terms.acronyms) : options.expansions,
    );
    plan = timed('plan', () => planFor(query, terms, options.all, expansions));
    return termsForQuery(query, terms, 'rank', plan);
  });
  const lookup = corpus.lookup();
  const probes = new Map<string, ProbeHits>();
  // feedback reads the first few hits in order
  const top = options.top === undefined ? undefined : Math.max(options.top, FEEDBACK.docs);
  const ranked = timed('rank', () =>
    rankCorpus(index, corpus.byId, query, enrichers, { ...options, plan, lookup, probes, top }),
  );
  if (!plan || options.feedback === false || options.all) return ranked;
  const feedback = timed('feedback', () => feedbackTerms(ranked, plan!, lookup, index.documentCount));
  if (!feedback.length) return ranked;
  const withFeedback = { ...plan, feedback };
  const again = corpus.index((terms) => planTerms(withFeedback, terms, termsForQuery(query, terms, 'rank', plan)));
  return timed('rank again', () =>
    rankCorpus(again, corpus.byId, query, enrichers, { ...options, plan: withFeedback, lookup, probes }),
  );
}

/** The " — did you mean …?" hint for a query that found nothing in a corpus (see suggestTerms). */
export const suggestQuery = (corpus: Pick<Corpus, 'index'>, query: Query): string =>
  suggestTerms(corpus.index(termsFor(query, 'suggest')), query);
