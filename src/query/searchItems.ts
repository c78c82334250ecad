import type MiniSearch from 'minisearch';
import type { Item } from '../types.js';
import type { Clause, Query } from './parseQuery.js';
import type { IndexDoc } from '../indexing/buildIndex.js';
import { FIELDS, stemQueries } from '../indexing/buildIndex.js';
import { searchLookup, type TermLookup } from '../indexing/termIndex.js';
import { stem } from '../text/stem.js';
import { toWords, type Word } from '../text/tokenize.js';
import { makeSnippet, type Snippet } from './makeSnippet.js';
import { compareItems } from '../load/compareItems.js';
import { namedTags, type NamedTags } from './namedTags.js';
import type { Enrichers } from '../enrich/enrichItems.js';

/** How a query term matched a field. */
export type MatchHow = 'exact' | 'prefix' | 'stem' | 'fuzzy' | 'topic' | 'country';

/** One line of `matched`: which query term matched which field, and how. */
export interface MatchInfo {
  term: string;
  field: 'title' | 'summary' | 'topics' | 'countries';
  how: MatchHow;
}

/** A search result: the item, its score, what matched and a snippet. */
export interface Hit {
  item: Item;
  score: number;
  matched: MatchInfo[];
  snippet: Snippet;
}

export interface SearchOptions {
  /** any one included clause is enough (default: all are required) */
  any?: boolean;
  /** only these items may match (filters applied before ranking) */
  allow?: (item: Item) => boolean;
  /** topic ids and country names the query names, found with the taxonomy and gazetteer */
  tagged?: NamedTags;
  /** best first (default), or newest first */
  sort?: 'relevance' | 'date';
  /**
   * the index's terms, when `index` may hold only those the query needs (see Corpus.index): then whether a
   * word is known, and how common, is read from here rather than searched for
   */
  lookup?: TermLookup;
}

/** Field weights: a title match counts more. */
const BOOST = { title: 2.5, summary: 1 };
/** Weights of the ways a word can match, relative to an exact match. */
const WEIGHT = { exact: 1, prefix: 0.6, stem: 0.7, fuzzy: 0.35 };
/** Items found only through a topic or country tag rank below every literal match. */
const TAG_SCORE_SHARE = 0.5;

/**
 * Whether a word (or a near spelling of it: "migrantes" for "migrants") is in so many items (over 40%) that
 * it tells them apart poorly.
 */
export function isCommonTerm(
  index: MiniSearch<IndexDoc>,
  term: string,
  lookup: TermLookup = searchLookup(index),
): boolean {
  return (
    index.documentCount > 0 && lookup.itemsNear(term, Math.min(1, fuzzyDistance(term))) > 0.4 * index.documentCount
  );
}

/** Largest edit distance for a fuzzy match of a term of this length: none below 5 letters, 1 to 8, else 2. */
export const fuzzyDistance = (term: string) => (term.length < 5 ? 0 : term.length <= 8 ? 1 : 2);

/** A matching item before its snippet is made: enough to rank, count and filter. */
export interface Ranked {
  item: Item;
  score: number;
  /** corpus terms MiniSearch matched (the fuzzy ones among them are highlighted too) */
  terms: string[];
  /** for items found through a topic or country the query names */
  tags: MatchInfo[];
}

/**
 * Runs a parsed query against the index and the items: each clause matches exactly, by stem, as a prefix
 * (`word*`), or, when the word is not in the corpus, fuzzily; phrases must have their words adjacent and in
 * order; exclusions remove items; items tagged with a topic or country the query names follow the literal
 * matches. Returns every match, best first (or newest first with `sort: 'date'`), without snippets.
 */
export function rankItems(
  index: MiniSearch<IndexDoc>,
  byId: Map<string, Item>,
  query: Query,
  options: SearchOptions = {},
): Ranked[] {
  const allow = options.allow ?? (() => true);
  const lookup = options.lookup ?? searchLookup(index);
  const sub = query.include.map((c) => clauseQuery(c, lookup));
  const raw = index.search(
    { combineWith: options.any ? 'OR' : 'AND', queries: sub },
    {
      filter: (r) => {
        const it = byId.get(r.id);
        return it !== undefined && allow(it);
      },
    },
  );
  // words are only split for the checks that need them: phrases and exclusions
  const hasPhrases = query.include.some((c) => c.kind === 'phrase');
  const wordsOf = (item: Item): Words => ({ title: toWords(item.title), summary: toWords(item.summary) });
  const excluded = (item: Item, words?: Words) =>
    query.exclude.length > 0 && query.exclude.some((c) => clauseMatches(c, words ?? wordsOf(item)));

  const ranked: Ranked[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const item = byId.get(r.id)!;
    const words = hasPhrases || query.exclude.length ? wordsOf(item) : undefined;
    if (words && !phrasesHold(query.include, words, options.any ?? false)) continue;
    if (excluded(item, words)) continue;
    ranked.push({ item, score: r.score, terms: r.terms, tags: [] });
    seen.add(item.id);
  }

  const named = options.tagged;
  const tagged = named && {
    topics: ranked.length ? named.topics : [...named.topics, ...named.weakTopics],
    countries: named.countries,
  };
  if (tagged && (tagged.topics.length || tagged.countries.length)) {
    let floor = 1;
    if (ranked.length) floor = ranked.reduce((m, h) => Math.min(m, h.score), Infinity);
    for (const item of byId.values()) {
      if (seen.has(item.id)) continue;
      const topics = tagged.topics.filter((t) => item.topics.includes(t));
      const countries = tagged.countries.filter((c) => item.countries.includes(c));
      if ((!topics.length && !countries.length) || !allow(item) || excluded(item)) continue;
      // salience: a primary country or a first-listed topic ranks higher among tag-only hits
      const salience =
        countries.some((c) => item.primaryCountry === c) || topics.some((t) => item.topics[0] === t) ? 1 : 0.6;
      const tags: MatchInfo[] = [
        ...topics.map((t) => ({ term: t, field: 'topics' as const, how: 'topic' as const })),
        ...countries.map((c) => ({ term: c, field: 'countries' as const, how: 'country' as const })),
      ];
      ranked.push({ item, score: floor * TAG_SCORE_SHARE * salience, terms: [], tags });
    }
  }
  if (options.sort === 'date') return ranked.sort((a, b) => compareItems(a.item, b.item));
  return ranked.sort((a, b) => b.score - a.score || compareItems(a.item, b.item));
}

/** Adds to ranked items what a reader sees: which query term matched which field, and the best passage. */
export function describeHits(ranked: Ranked[], query: Query): Hit[] {
  return ranked.map((r) => {
    const words = { title: toWords(r.item.title), summary: toWords(r.item.summary) };
    if (r.tags.length)
      return { item: r.item, score: r.score, matched: r.tags, snippet: makeSnippet(r.item, words, () => false) };
    const fuzzyTerms = new Set(r.terms);
    return {
      item: r.item,
      score: r.score,
      matched: describeMatches(query.include, words, fuzzyTerms),
      snippet: makeSnippet(r.item, words, (w) => wordMatches(query.include, w, fuzzyTerms)),
    };
  });
}

/** Ranks, keeps the first `limit`, and describes them: what `meso search` prints. */
export function searchItems(
  index: MiniSearch<IndexDoc>,
  byId: Map<string, Item>,
  query: Query,
  options: SearchOptions & { limit?: number } = {},
): Hit[] {
  return describeHits(rankItems(index, byId, query, options).slice(0, options.limit ?? Infinity), query);
}

type Sub = Parameters<MiniSearch<IndexDoc>['search']>[0];

/** The MiniSearch query for one clause: exact, stem, prefix and (for unknown words) fuzzy, OR-ed. */
function clauseQuery(c: Clause, lookup: TermLookup): Sub {
  const fields = c.titleOnly ? ['title'] : FIELDS;
  const parts = c.terms.map((term): Sub => {
    if (c.prefix)
      return {
        queries: [term],
        fields,
        prefix: true,
        boost: BOOST,
        weights: { fuzzy: WEIGHT.fuzzy, prefix: WEIGHT.prefix },
      } as Sub;
    const forms: Sub[] = [
      { queries: [term], fields, boost: BOOST } as Sub,
      { queries: stemQueries(term), fields, boost: scale(BOOST, WEIGHT.stem) } as Sub,
    ];
    const d = fuzzyDistance(term);
    if (c.kind === 'term' && d > 0 && !known(lookup, term)) {
      forms.push({ queries: [term], fields, fuzzy: d, maxFuzzy: d, boost: scale(BOOST, WEIGHT.fuzzy) } as Sub);
    }
    return { combineWith: 'OR', queries: forms } as Sub;
  });
  return (parts.length === 1 ? parts[0]! : { combineWith: 'AND', queries: parts }) as Sub;
}

const scale = (b: Record<string, number>, k: number) =>
  Object.fromEntries(Object.entries(b).map(([f, v]) => [f, v * k]));

/** Whether a term (or its stem) is in the corpus: a known word is never matched fuzzily. */
export function known(lookup: TermLookup, term: string): boolean {
  return [term, ...stemQueries(term)].some((t) => lookup.has(t));
}

type Words = { title: Word[]; summary: Word[] };

const termMatches = (c: Clause, query: string, w: Word) =>
  c.prefix ? w.term.startsWith(query) : w.term === query || stem(w.term) === stem(query);

/** Whether a clause occurs in an item's words: a term anywhere (or in the title), a phrase adjacent and in order. */
function clauseMatches(c: Clause, words: Words): boolean {
  const fields = c.titleOnly ? [words.title] : [words.title, words.summary];
  return fields.some((ws) => {
    if (c.kind === 'term') return ws.some((w) => termMatches(c, c.terms[0]!, w));
    for (let i = 0; i + c.terms.length <= ws.length; i++)
      if (c.terms.every((t, k) => ws[i + k]!.term === t)) return true;
    return false;
  });
}

/** Phrases are checked after the index: all must hold (or, with --any, at least one clause must). */
function phrasesHold(include: Clause[], words: Words, any: boolean): boolean {
  const phrases = include.filter((c) => c.kind === 'phrase');
  if (phrases.length === 0) return true;
  if (any) return include.some((c) => c.kind !== 'phrase' || clauseMatches(c, words));
  return phrases.every((c) => clauseMatches(c, words));
}

function wordMatches(include: Clause[], w: Word, fuzzyTerms: Set<string>): boolean {
  return include.some((c) => c.terms.some((t) => termMatches(c, t, w))) || fuzzyTerms.has(w.term);
}

/** Which query clause matched which field, and how (exact beats stem beats prefix beats fuzzy). */
function describeMatches(include: Clause[], words: Words, fuzzyTerms: Set<string>): MatchInfo[] {
  const out: MatchInfo[] = [];
  for (const c of include) {
    for (const field of ['title', 'summary'] as const) {
      if (c.titleOnly && field === 'summary') continue;
      const ws = words[field];
      let how: MatchHow | null = null;
      if (c.kind === 'phrase') {
        if (clauseMatches({ ...c, titleOnly: false }, { title: ws, summary: [] })) how = 'exact';
      } else {
        const t = c.terms[0]!;
        if (c.prefix && ws.some((w) => w.term.startsWith(t))) how = ws.some((w) => w.term === t) ? 'exact' : 'prefix';
        else if (ws.some((w) => w.term === t)) how = 'exact';
        else if (ws.some((w) => stem(w.term) === stem(t))) how = 'stem';
        else if (ws.some((w) => fuzzyTerms.has(w.term))) how = 'fuzzy';
      }
      if (how) out.push({ term: c.raw, field, how });
    }
  }
  return out;
}

/** Ranks with the query's named topics and countries read from the enrichers' tables: what commands call. */
export function rankCorpus(
  index: MiniSearch<IndexDoc>,
  byId: Map<string, Item>,
  query: Query,
  enrichers: Enrichers,
  options: Omit<SearchOptions, 'tagged'> = {},
): Ranked[] {
  const tagged = namedTags(query, enrichers.gazetteer, enrichers.topics, (t) => isCommonTerm(index, t, options.lookup));
  return rankItems(index, byId, query, { ...options, tagged });
}
