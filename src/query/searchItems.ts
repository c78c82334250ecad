import type { Item } from '../types.js';
import type { Clause, Query } from './parseQuery.js';
import type { Field } from '../indexing/buildIndex.js';
import { FIELD_BOOST, FIELDS, fieldText, stemQueries, unmarked } from '../indexing/buildIndex.js';
import { searchLookup, type SearchIndex, type TermLookup } from '../indexing/termIndex.js';
import { PostingsIndex, type DocScores } from '../indexing/postingsIndex.js';
import { AcronymCollector, type Acronym } from '../indexing/learnAcronyms.js';
import { stem, stemsTo } from '../text/stem.js';
import { toWords, type Word } from '../text/tokenize.js';
import { makeSnippet, type Snippet } from './makeSnippet.js';
import { compareItems } from '../load/compareItems.js';
import { CachedItemMap, type CachedItems } from '../load/cachedItems.js';
import { namedTags, type NamedTags } from './namedTags.js';
import { allowAll } from './filterItems.js';
import type { Enrichers } from '../enrich/enrichItems.js';
import { loadExpansions, type Expansions } from './loadExpansions.js';
import { fuzzyDistance, planQuery, WEIGHT, type Plan, type Probe, type ProbeHow, type Unit } from './planQuery.js';

export { fuzzyDistance, known } from './planQuery.js';

/** How a query term matched a field. */
export type MatchHow = ProbeHow | 'topic' | 'country';

/** One line of `matched`: which query term matched which field, and how. */
export interface MatchInfo {
  term: string;
  field: Field | 'topics' | 'countries';
  how: MatchHow;
  /** for a synonym or an acronym: the expression that matched in the item */
  via?: string;
}

/** One share of a hit's score, for --explain: which query words, matched how, by which index terms. */
export interface ScorePart {
  /** the query words (or, for feedback, the term) */
  query: string;
  how: ProbeHow;
  /** a stop word: it adds a little to the score, but does not count as a match */
  stop?: boolean;
  /** for a synonym or an acronym: the expression searched */
  via?: string;
  /** the index terms it met ("~return" is the stem of return) */
  terms: string[];
  fields: Field[];
  score: number;
}

/** Why a hit ranks where it does: how many query words it matched, and what gave its score. */
export interface Explanation {
  /** query words matched (literally or through a synonym, acronym, topic or country) */
  words: number;
  /** query words that count (stop words aside) */
  of: number;
  score: number;
  parts: ScorePart[];
}

/** A search result: the item, its score, what matched and a snippet. */
export interface Hit {
  item: Item;
  score: number;
  matched: MatchInfo[];
  snippet: Snippet;
  explain?: Explanation;
}

export interface SearchOptions {
  /** every clause must match literally, as before best-match (`--all`) */
  all?: boolean;
  /** kept for scripts: one word is enough, which best match already allows */
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
  /** the query planned already (with the corpus's acronyms): see planQuery */
  plan?: Plan;
  /** synonyms and acronyms; null for none; by default the shipped tables and the items' acronyms */
  expansions?: Expansions | null;
  /** probe hits already found for this query on another index of the same corpus (see scoreRunner) */
  probes?: Map<string, ProbeHits>;
  /**
   * only the first `top` hits are wanted in order (a search that prints 20): they come first, best first, as a
   * whole sort would put them; the hits after them are all there, in no particular order. All in order without it.
   */
  top?: number;
}

/** Items found only through a topic or country tag rank below every literal match with as many words. */
const TAG_SCORE_SHARE = 0.5;

/**
 * Whether a word (or a near spelling of it: "migrantes" for "migrants") is in so many items (over 40%) that
 * it tells them apart poorly.
 */
export function isCommonTerm(index: SearchIndex, term: string, lookup: TermLookup = searchLookup(index)): boolean {
  return (
    index.documentCount > 0 && lookup.itemsNear(term, Math.min(1, fuzzyDistance(term))) > 0.4 * index.documentCount
  );
}

/** A matching item before its snippet is made: enough to rank, count and filter. */
export interface Ranked {
  id: string;
  /** the item's number in a cached corpus (its place in compareItems's order), when ranking knows it */
  n?: number;
  /** the item (from a cache, parsed when first asked for: ranking itself reads only the items it must) */
  readonly item: Item;
  score: number;
  /** content query words it matched (stop words aside), literally or through an expansion or a tag */
  words: number;
  /** content query words there are */
  of: number;
  /**
   * what ranks first: query words matched, those most items have counting as a fraction (all of them less
   * than one other word)
   */
  level: number;
  /** corpus terms it matched, for highlighting: [terms as written, stems]; worked out when asked (not to be changed) */
  terms: () => [string[], string[]];
  /** for items found through a topic or country the query names */
  tags: MatchInfo[];
  /** what gave the score, worked out when asked (not to be changed: a hit may keep what it gives) */
  parts: () => ScorePart[];
}

/** One probe's hits: item id → score (before the probe's weight) and the index terms met, with their fields. */
export type ProbeResults = Map<string, { score: number; match: Record<string, string[]>; doc?: number }>;

/** One probe's hits by document number: scores (before the probe's weight), and the index terms met when asked. */
export type ProbeHits = DocScores;

type Sub = Parameters<SearchIndex['search']>[0];

/** The search a probe makes, and its options, as MiniSearch takes them. */
function probeSearch(p: Probe): [queries: string[], options: Parameters<SearchIndex['search']>[1] & object] {
  const boost = Object.fromEntries(p.fields.map((f) => [f, FIELD_BOOST[f]]));
  const queries = p.stem ? stemQueries(p.term) : [p.term];
  const options = {
    fields: p.fields,
    boost,
    prefix: p.prefix ?? false,
    fuzzy: p.fuzzy ?? false,
    ...(p.fuzzy ? { maxFuzzy: p.fuzzy } : {}),
    ...(p.prefix ? { weights: { fuzzy: WEIGHT.fuzzy, prefix: WEIGHT.prefix } } : {}),
  };
  return [queries, options];
}

const probeKey = (p: Probe) =>
  `${p.term}\u0000${p.stem ? 's' : ''}${p.prefix ? 'p' : ''}${p.fuzzy ?? 0}\u0000${p.fields.join()}`;

/**
 * Runs each probe once against the index, its hits by document number (a PostingsIndex's own; for another
 * index, numbers given to ids as met). `shared` keeps the hits of exact and stem probes across PostingsIndexes
 * loaded for the same query (more terms change no such probe's hits; a prefix or a typo may meet the new ones).
 */
export function scoreRunner(index: SearchIndex, shared = new Map<string, ProbeHits>()) {
  const byProbe = new WeakMap<Probe, ProbeHits>();
  const own = new Map<string, ProbeHits>();
  const numbered = index instanceof PostingsIndex;
  // for another index: ids numbered as met, and their hits' match kept
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const run = (p: Probe): ProbeHits => {
    let hits = byProbe.get(p);
    if (hits) return hits;
    const key = probeKey(p);
    const cache = p.prefix || p.fuzzy || !numbered ? own : shared;
    hits = cache.get(key);
    if (!hits) {
      const [queries, options] = probeSearch(p);
      if (index instanceof PostingsIndex) hits = index.scores(queries, options);
      else {
        const count = Math.max(index.documentCount, 1);
        const [score, met] = [new Float64Array(count), new Uint8Array(count)];
        const [beyondBody, inTitle] = [new Uint8Array(count), new Uint8Array(count)];
        const found: number[] = [];
        const matches = new Map<number, Record<string, string[]>>();
        for (const r of index.search({ queries, combineWith: 'OR' } as Sub, options)) {
          let doc = numbers.get(r.id as string);
          if (doc === undefined) {
            numbers.set(r.id as string, (doc = ids.length));
            ids.push(r.id as string);
          }
          found.push(doc);
          score[doc] = r.score;
          met[doc] = 1;
          matches.set(doc, r.match);
          for (const term in r.match) {
            if (r.match[term]!.some((f) => f !== 'body')) beyondBody[doc] = 1;
            if (r.match[term]!.includes('title')) inTitle[doc] = 1;
          }
        }
        hits = { docs: Int32Array.from(found), score, met, beyondBody, inTitle, ids, match: (doc) => matches.get(doc) };
      }
      cache.set(key, hits);
    }
    byProbe.set(p, hits);
    return hits;
  };
  return Object.assign(run, { numbered, ids: numbered ? (index as PostingsIndex).ids : ids });
}

/**
 * Runs each probe once against the index. `shared` keeps the hits of exact and stem probes across indexes
 * loaded for the same query (more terms change no such probe's hits; a prefix or a typo may meet the new ones).
 */
export function probeRunner(index: SearchIndex, shared = new Map<string, ProbeResults>()) {
  const byProbe = new WeakMap<Probe, ProbeResults>();
  const own = new Map<string, ProbeResults>();
  /** the hits of the probes run so far, in the order first run */
  const ran: ProbeResults[] = [];
  const run = (p: Probe): ProbeResults => {
    let hits = byProbe.get(p);
    if (hits) return hits;
    const key = probeKey(p);
    const cache = p.prefix || p.fuzzy ? own : shared;
    hits = cache.get(key);
    if (!hits) {
      hits = new Map();
      const [queries, options] = probeSearch(p);
      const search: Sub = { queries, combineWith: 'OR' } as Sub;
      // a PostingsIndex hands over its hits without sorting them: ranking orders items itself
      if (index instanceof PostingsIndex) hits = index.hits(search, options);
      else for (const r of index.search(search, options)) hits.set(r.id as string, { score: r.score, match: r.match });
      cache.set(key, hits);
    }
    byProbe.set(p, hits);
    ran.push(hits);
    return hits;
  };
  return Object.assign(run, { ran });
}

/** Runs probes: {@link scoreRunner}. */
type Run = (p: Probe) => ProbeHits;

/** How much a query word counts in the level (see rankItems), by where an item meets it. */
export const WHERE_WEIGHT = {
  /** every word of it in the title: a news title says what the item is about */
  title: 1.3,
  /** in the title or summary */
  summary: 1,
  /** only in an article's body, far down a long text that meets many words of any query */
  body: 0.5,
};

/**
 * Where an item meets every word of a unit: in its title, else in its title or summary, else only in an
 * article's body (see WHERE_WEIGHT).
 */
function whereMet(unit: Unit, doc: number, run: Run): number {
  let title = true;
  const words = unit.words;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    let best = 0;
    for (let k = 0; k < word.length && best < 2; k++) {
      const h = run(word[k]!);
      if (h.inTitle[doc] === 1) best = 2;
      else if (h.beyondBody[doc] === 1) best = 1;
    }
    if (best === 0) return WHERE_WEIGHT.body;
    if (best === 1) title = false;
  }
  return title ? WHERE_WEIGHT.title : WHERE_WEIGHT.summary;
}

/**
 * Scores by document number (0 where not met), which documents are met, and in what order they were met. (Typed
 * arrays and indexed loops: ranking runs once per process, mostly before V8 optimises it, and unoptimised
 * `for…of` and `push` make garbage per document.)
 */
interface DocMap {
  score: Float64Array;
  met: Uint8Array;
  docs: Int32Array;
}

/** An empty {@link DocMap} over `count` documents, with room for every document in `docs` (see `done`). */
const docMap = (count: number): DocMap => ({
  score: new Float64Array(count),
  met: new Uint8Array(count),
  docs: new Int32Array(count),
});

/**
 * The scores of a unit, item by item: every word must match, each by its probes added up. Worked out once per
 * unit from its probes' hits, so ranking looks an item up once per unit rather than once per probe.
 */
function unitScores(unit: Unit, run: Run, count: number): DocMap {
  let acc: DocMap | undefined;
  for (const word of unit.words) {
    // a word no probe meets (a synonym the corpus lacks): the unit meets nothing
    if (word.every((p) => run(p).docs.length === 0)) return emptyMap(count);
    const { score, met, docs } = docMap(count);
    let size = 0;
    const accMet = acc?.met;
    for (const p of word) {
      const h = run(p);
      const weight = p.weight;
      const [hits, hitScore] = [h.docs, h.score];
      for (let k = 0; k < hits.length; k++) {
        const doc = hits[k]!;
        if (accMet && !accMet[doc]) continue;
        if (!met[doc]) {
          met[doc] = 1;
          docs[size++] = doc;
        }
        score[doc]! += hitScore[doc]! * weight;
      }
    }
    if (acc) {
      const accScore = acc.score;
      for (let k = 0; k < size; k++) {
        const doc = docs[k]!;
        score[doc] = score[doc]! + accScore[doc]!;
      }
    }
    acc = { score, met, docs: docs.subarray(0, size) };
    if (size === 0) break;
  }
  return acc ?? emptyMap(count);
}

/** A {@link DocMap} that meets nothing, one per document count; never written to. */
const emptyMaps = new Map<number, DocMap>();
function emptyMap(count: number): DocMap {
  let empty = emptyMaps.get(count);
  if (!empty) emptyMaps.set(count, (empty = { ...docMap(count), docs: new Int32Array(0) }));
  return empty;
}

/** The best alternative of an expansion, item by item: its score, and the alternative by document number. */
interface BestMap extends DocMap {
  unit: Array<Unit | undefined>;
}

/** The best alternative of an expansion, item by item, and its score. */
function bestScores(alternatives: Unit[], run: Run, cache: Map<string, DocMap>, count: number): BestMap {
  const { score, met, docs } = docMap(count);
  const unit: Array<Unit | undefined> = new Array(count);
  let size = 0;
  for (const u of alternatives) {
    // the same expression often stands for several runs of query words ("trata", "trata de personas")
    const key = u.words.map((w) => w.map((p) => `${p.term}/${p.stem ? 's' : ''}/${p.weight}`).join('|')).join('&');
    let scores = cache.get(key);
    if (!scores) cache.set(key, (scores = unitScores(u, run, count)));
    const [hits, hitScore] = [scores.docs, scores.score];
    for (let k = 0; k < hits.length; k++) {
      const doc = hits[k]!;
      const s = hitScore[doc]!;
      if (!met[doc]) {
        met[doc] = 1;
        docs[size++] = doc;
      } else if (!(s > score[doc]!)) continue;
      score[doc] = s;
      unit[doc] = u;
    }
  }
  return { score, met, docs: docs.subarray(0, size), unit };
}

/** A plan's units scored item by item (see unitScores). */
interface Scored {
  literals: DocMap[];
  expansions: BestMap[];
  feedback: DocMap[];
}

/** What a ranked item's item, terms and score parts are worked out from. */
interface RankedAt {
  byId: Map<string, Item>;
  /** the items of a cached corpus, read by number */
  cached?: CachedItems;
  plan: Plan;
  run: Run;
  scored: Scored;
}

/** Feedback terms (see feedbackTerms) an item that meets no query word must meet to be a hit. */
const FEEDBACK_TERMS_ALONE = 2;

/** The tags of a hit that has none: one array for them all (a hit given tags gets an array of its own). */
const NO_TAGS: readonly MatchInfo[] = Object.freeze([]);
/** The {@link Held} of the hits without phrases, whether feedback counted or not: read only, shared. */
const FED: Held = Object.freeze({ fed: true });
const NOT_FED: Held = Object.freeze({ fed: false });

/** A literal match as rankItems makes it: one object, its item read and its terms and parts worked out when asked. */
class RankedHit implements Ranked {
  tags = NO_TAGS as MatchInfo[];
  constructor(
    readonly id: string,
    readonly n: number | undefined,
    /** its number in the probes' hits */
    private readonly doc: number,
    private read: Item | undefined,
    private readonly at: RankedAt,
    public score: number,
    public words: number,
    readonly of: number,
    public level: number,
    private readonly held: Held,
  ) {}
  get item(): Item {
    return (this.read ??= itemOf(this.at, this.id, this.n));
  }
  terms(): [string[], string[]] {
    return this.matches().terms;
  }
  parts(): ScorePart[] {
    return this.matches().parts;
  }
  /** both, from one pass over the probes that met the item (describeHits asks for both); kept, so read only */
  private matches(): Matches {
    return (this.found ??= matchesOf(this.at.plan, this.doc, this.at.run, this.at.scored, this.held));
  }
  private found: Matches | undefined = undefined;
}

/** An item by its number in a cached corpus when known (no map of ids to build), else by its id. */
const itemOf = (at: Pick<RankedAt, 'byId' | 'cached'>, id: string, n: number | undefined): Item =>
  at.cached && n !== undefined ? at.cached.at(n) : at.byId.get(id)!;

/**
 * Runs a parsed query against the index and the items, best match first: items that match more of the query's
 * words rank first, then by score (BM25, as MiniSearch computes it, over the field boosts). A word matches as
 * written, by stem, as a prefix (`word*`), by near spelling when the corpus lacks it, or through a synonym or
 * an acronym (see planQuery), at lower weights in that order. Required clauses (`+word`, quoted phrases,
 * `title:`, every clause with `all`) must match literally; phrases must have their words adjacent and in
 * order; exclusions remove items; items tagged with a topic or country the query names count as matching the
 * words that name it. Returns every match (or newest first with `sort: 'date'`), without snippets.
 */
export function rankItems(
  index: SearchIndex,
  byId: Map<string, Item>,
  query: Query,
  options: SearchOptions = {},
): Ranked[] {
  const allow = options.allow ?? allowAll;
  // without filters, exclusions or phrases, ranking reads no item: only the hits it prints are parsed (a cache
  // parses items as they are asked for), and ties are broken by the items' order in the corpus
  const everyItem = allow === allowAll;
  const lookup = options.lookup ?? searchLookup(index);
  const plan =
    options.plan ??
    planQuery(
      query,
      lookup,
      options.expansions === undefined ? loadExpansions(learnFrom(byId)) : options.expansions,
      options.all,
    );
  const run = scoreRunner(index, options.probes);
  const include = query.include;
  const content = new Set(plan.content);
  const count = Math.max(index.documentCount, 1);

  const alternativeScores = new Map<string, DocMap>();
  const scored: Scored = {
    literals: plan.literals.map((u) => unitScores(u, run, count)),
    expansions: plan.expansions.map((alternatives) => bestScores(alternatives, run, alternativeScores, count)),
    feedback: plan.feedback.map((u) => unitScores(u, run, count)),
  };
  const worth = coverageWeights(plan, scored, index.documentCount);
  // a word counts by where the item meets it (WHERE_WEIGHT): more in its title, half only in an article's body
  const levelOf = (covered: readonly number[], where?: readonly number[]) => {
    let level = 0;
    for (let k = 0; k < covered.length; k++)
      level += worth.get(covered[k]!)! * Math.min(where?.[k] ?? 1, content.size > 1 ? Infinity : 1);
    // the same words added up in another order must tie, so that the score decides between them
    return Math.round(level * 1e9) / 1e9;
  };
  // candidates: items any content clause, expansion or feedback term meets
  const candidates = new Int32Array(count);
  let candidateCount = 0;
  const isCandidate = new Uint8Array(count);
  for (const m of [...plan.content.map((i) => scored.literals[i]!), ...scored.expansions, ...scored.feedback]) {
    const docs = m.docs;
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k]!;
      if (!isCandidate[doc]) {
        isCandidate[doc] = 1;
        candidates[candidateCount++] = doc;
      }
    }
  }

  const excluded = (words: () => Words) =>
    query.exclude.length > 0 && query.exclude.some((c) => clauseMatches(c, words()));

  const ranked: Ranked[] = [];
  const n = plan.literals.length;
  const cached = byId instanceof CachedItemMap ? byId.cached : undefined;
  const countryClauses = [...(options.tagged?.clauseCountries ?? [])].filter(
    ([i]) => content.has(i) && !include[i]!.required && !plan.all,
  );
  // read from a cache's tag lists when the item's number is known, without parsing the item
  const hasCountry = (doc: number, id: string, country: string) => {
    if (cached && run.numbered && cached.ids[doc] === id) return cached.withTag(`c:${country}`).has(doc);
    return byId.get(id)!.countries.includes(country);
  };
  const at: RankedAt = { byId, cached, plan, run, scored };
  // an item's literal scores are kept only when a phrase may have set one to 0; else they are read from `scored`
  const phrases = plan.literals.some((u) => u.phrase);
  // what each candidate matched, in scratch arrays used again for the next: the content clauses in the order
  // met, where it meets each (WHERE_WEIGHT), and by clause whether it is covered already
  const covered = new Int32Array(n);
  const where = new Float64Array(n);
  let coveredCount = 0;
  const isCovered = new Uint8Array(n);
  const isContent = new Uint8Array(n);
  for (const i of plan.content) isContent[i] = 1;
  const isRequired = new Uint8Array(n);
  for (const i of plan.required) isRequired[i] = 1;
  const worthOf = plan.literals.map((_, i) => worth.get(i) ?? 0);
  const whereCap = content.size > 1 ? Infinity : 1;
  const contentClauses = plan.content;
  const literalScores = scored.literals.map((m) => m.score);
  const expansions = scored.expansions;
  const feedbackScores = scored.feedback.map((m) => m.score);
  const ids = run.ids;
  for (let c = 0; c < candidateCount; c++) {
    const doc = candidates[c]!;
    const id = ids[doc]!;
    let item: Item | undefined;
    if (everyItem) {
      // a cached corpus's index was counted from its items: every id it holds is an item's
      if (!cached && !byId.has(id)) continue;
    } else {
      item = byId.get(id);
      if (!item || !allow(item)) continue;
    }
    let words: Words | undefined;
    const literal: number[] | undefined = phrases ? new Array(n) : undefined;
    let score = 0;
    let missing = false;
    for (let i = 0; i < n; i++) {
      let s = literalScores[i]![doc]!;
      const u = plan.literals[i]!;
      if (s > 0 && u.phrase && !clauseMatches(include[u.covers[0]!]!, (words ??= wordsOf((item ??= byId.get(id)!)))))
        s = 0;
      if (literal) literal[i] = s;
      score += s;
      if (s === 0 && isRequired[i]) missing = true;
    }
    if (missing) continue;
    coveredCount = 0;
    for (let k = 0; k < contentClauses.length; k++) {
      const i = contentClauses[k]!;
      if ((literal ? literal[i]! : literalScores[i]![doc]!) > 0) {
        covered[coveredCount] = i;
        where[coveredCount++] = whereMet(plan.literals[i]!, doc, run);
        isCovered[i] = 1;
      }
    }
    // an item tagged with a country a query word names (its text names a city or region of it, "Tapachula")
    // matches that word, as an item dated a year the query names matches it
    let countries: Set<string> | undefined;
    if (countryClauses.length)
      for (const [i, country] of countryClauses)
        if (!isCovered[i] && hasCountry(doc, id, country)) {
          covered[coveredCount] = i;
          where[coveredCount++] = WHERE_WEIGHT.summary;
          isCovered[i] = 1;
          (countries ??= new Set()).add(country);
        }
    if (plan.years.length) {
      // an item dated a year the query names matches it (read only for such queries)
      const dated = (item ??= byId.get(id)!);
      const year = (dated.date ?? dated.inferredDate?.value)?.slice(0, 4);
      for (const i of plan.years)
        if (!isCovered[i] && year === include[i]!.terms[0]) {
          covered[coveredCount] = i;
          where[coveredCount++] = WHERE_WEIGHT.summary;
          isCovered[i] = 1;
        }
    }
    for (let e = 0; e < expansions.length; e++) {
      const m = expansions[e]!;
      if (!m.met[doc]) continue;
      const best = m.unit[doc]!;
      score += m.score[doc]!;
      const covers = best.covers;
      for (let k = 0; k < covers.length; k++) {
        const i = covers[k]!;
        if (!isContent[i]) continue;
        if (!isCovered[i]) {
          covered[coveredCount] = i;
          where[coveredCount++] = whereMet(best, doc, run);
          isCovered[i] = 1;
          continue;
        }
        let place = 0;
        while (covered[place] !== i) place++;
        if (where[place]! < WHERE_WEIGHT.title && whereMet(best, doc, run) === WHERE_WEIGHT.title)
          where[place] = WHERE_WEIGHT.title; // the word in the body, a synonym of it in the title
      }
    }
    for (let k = 0; k < coveredCount; k++) isCovered[covered[k]!] = 0;
    // feedback orders the items below the strong hits (those with every query word), never those
    let feedback = 0;
    let fedTerms = 0;
    if (coveredCount < content.size)
      for (let f = 0; f < feedbackScores.length; f++) {
        const s = feedbackScores[f]![doc]!;
        if (s > 0) fedTerms++;
        feedback += s;
      }
    const fed = fedTerms > 0;
    // an item that meets no query word is added by feedback only when it meets several of its terms: one term
    // alone ("plan", "assistance") is a word many unrelated items share
    if (coveredCount === 0 && fedTerms < FEEDBACK_TERMS_ALONE) continue;
    if (query.exclude.length > 0 && excluded(() => (words ??= wordsOf((item ??= byId.get(id)!))))) continue;
    // levelOf, on the scratch arrays: the same words added up in another order must tie, so that the score
    // decides between them
    let level = 0;
    for (let k = 0; k < coveredCount; k++) level += worthOf[covered[k]!]! * Math.min(where[k]!, whereCap);
    const hit = new RankedHit(
      id,
      run.numbered && cached?.ids[doc] === id ? doc : undefined,
      doc,
      item,
      at,
      score + feedback,
      coveredCount,
      content.size,
      Math.round(level * 1e9) / 1e9,
      literal ? { literal, fed } : fed ? FED : NOT_FED,
    );
    if (countries) hit.tags = [...countries].map((c) => ({ term: c, field: 'countries', how: 'country' }));
    ranked.push(hit);
  }

  const exclusions = query.exclude.length > 0;
  const full = levelOf([...content]);
  addTagged(ranked, byId, plan, options.tagged, {
    allow: everyItem && !exclusions ? undefined : (item) => allow(item) && !excluded(() => wordsOf(item)),
    level: full,
  });
  const order = corpusOrder(byId);
  if (options.sort === 'date') return ranked.sort(order);
  return sortByMatch(ranked, full, order, options.top);
}

/** How much a hit's score can add to its share of the query's words, when ranking (see sortByMatch). */
export const SCORE_SHARE = 0.3;

/**
 * Orders hits best first: by the share of the query's words they match (each weighed by its rarity: see
 * coverageWeights), plus up to SCORE_SHARE for their score, as a square root of its share of the best score;
 * then by score, then by `order` (the corpus's order). So items with every word come first, but a strong match
 * that lacks only a common word ("migrants", "IOM") can pass a weak one that has it: a soft coordination rather
 * than a strict one, which suits natural questions, whose many words are rarely all in one item.
 */
function sortByMatch(
  ranked: Ranked[],
  full: number,
  order: (a: Ranked, b: Ranked) => number,
  top = Number.POSITIVE_INFINITY,
): Ranked[] {
  const best = ranked.reduce((m, r) => Math.max(m, r.score), 0) || 1;
  const whole = full || 1;
  // the keys in arrays, and the hits' places sorted: no object per hit
  const key = new Float64Array(ranked.length);
  const score = new Float64Array(ranked.length);
  const places = new Uint32Array(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    key[i] = r.level / whole + SCORE_SHARE * Math.sqrt(r.score / best);
    score[i] = r.score;
    places[i] = i;
  }
  const before = (a: number, b: number) => key[b]! - key[a]! || score[b]! - score[a]! || order(ranked[a]!, ranked[b]!);
  const sorted =
    top >= ranked.length ? places.sort(before) : firstInOrder(ranked.length, Math.max(0, Math.floor(top)), before);
  // (an indexed loop: Array.from on a typed array makes an iterator result per hit while V8 interprets it)
  const out: Ranked[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = ranked[sorted[i]!]!;
  return out;
}

/**
 * The numbers 0 to n - 1 with the first `top` of them in the order `before` gives (a total order), best first,
 * then the others in their own order: one comparison for most numbers (against the worst of the best so far), not
 * a sort's ten or so each.
 */
export function firstInOrder(n: number, top: number, before: (a: number, b: number) => number): Uint32Array {
  const kept = new Uint32Array(n);
  let size = 0; // kept[0, size): the best so far, in order
  const rest = new Uint32Array(n);
  let others = 0;
  for (let i = 0; i < n; i++) {
    if (size === top && (top === 0 || before(i, kept[size - 1]!) > 0)) {
      rest[others++] = i;
      continue;
    }
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(i, kept[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    if (size === top) rest[others++] = kept[--size]!; // the worst of the best makes room
    kept.copyWithin(lo + 1, lo, size);
    kept[lo] = i;
    size++;
  }
  kept.set(rest.subarray(0, others), size);
  return kept;
}

/**
 * compareItems for ranked items: in a cached corpus, by the items' numbers (the cache keeps them in
 * compareItems's order, newest first), without parsing them.
 */
function corpusOrder(byId: Map<string, Item>): (a: Ranked, b: Ranked) => number {
  if (!(byId instanceof CachedItemMap)) return (a, b) => compareItems(a.item, b.item);
  const cached = byId.cached;
  return (a, b) => (a.n ?? cached.numberOf(a.id)!) - (b.n ?? cached.numberOf(b.id)!);
}

/**
 * The items of a corpus that have a topic or country, read without parsing the others: from a cache's tag lists
 * when the corpus is cached. `has` answers for an item of `ids` and a tag: `t:` a topic, `c:` a country, `f:` the
 * topic it lists first, `p:` its primary country.
 */
function taggedItems(
  byId: Map<string, Item>,
  topics: readonly string[],
  countries: readonly string[],
): {
  entries: Array<[id: string, n: number]>;
  has: (n: number, key: string) => boolean;
  /** `has` for one tag */
  set: (key: string) => (n: number) => boolean;
  numbered: boolean;
} {
  if (byId instanceof CachedItemMap) {
    const cached = byId.cached;
    return {
      entries: cached.taggedNumbers(topics, countries).map((n) => [cached.ids[n]!, n]),
      has: (n, key) => cached.withTag(key).has(n),
      set: (key) => {
        const numbers = cached.withTag(key);
        return (n) => numbers.has(n);
      },
      numbered: true,
    };
  }
  const items = [...byId.values()];
  const has = (n: number, key: string) => {
    const item = items[n]!;
    const value = key.slice(2);
    if (key.startsWith('t:')) return item.topics.includes(value);
    if (key.startsWith('c:')) return item.countries.includes(value);
    if (key.startsWith('f:')) return item.topics[0] === value;
    return item.primaryCountry === value;
  };
  return { entries: items.map((item, n) => [item.id, n]), numbered: false, has, set: (key) => (n) => has(n, key) };
}

/**
 * What each content clause is worth in best match's level: its inverse item frequency, ln(1 + N / n), where n
 * counts the items it meets literally or through its synonyms and acronyms, as a share of the rarest clause's.
 * Words most items have ("IOM", "migrants", "help" in an IOM corpus) tell items apart poorly: an item that
 * matches the rarer words of a question ranks above one that matches more of the common ones. A generic word of
 * a question ("help", "services": Plan.weak) counts WEIGHT.weak of that, however rare.
 */
function coverageWeights(plan: Plan, scored: Scored, documentCount: number): Map<number, number> {
  const idf = new Map<number, number>();
  // the items met, marked with the clause's turn (one array for every clause)
  const mark = new Uint32Array(Math.max(1, documentCount));
  let turn = 0;
  for (const i of plan.content) {
    turn++;
    let size = 0;
    const add = (docs: Int32Array) => {
      for (let k = 0; k < docs.length; k++)
        if (mark[docs[k]!] !== turn) {
          mark[docs[k]!] = turn;
          size++;
        }
    };
    add(scored.literals[i]!.docs);
    plan.expansions.forEach((alternatives, e) => {
      if (alternatives[0]!.covers.includes(i)) add(scored.expansions[e]!.docs);
    });
    const generic = plan.weak.includes(i) ? WEIGHT.weak : 1;
    idf.set(i, generic * Math.log(1 + Math.max(1, documentCount) / Math.max(1, size)));
  }
  const rarest = Math.max(...idf.values());
  return new Map([...idf].map(([i, w]) => [i, w / rarest]));
}

/** The acronyms the items define, learned once per corpus when no index vocabulary brought them. */
const learnedByCorpus = new WeakMap<Map<string, Item>, Acronym[]>();
function learnFrom(byId: Map<string, Item>): Acronym[] {
  let list = learnedByCorpus.get(byId);
  if (!list) {
    const found = new AcronymCollector();
    for (const item of byId.values()) for (const field of FIELDS) found.add(fieldText(item, field));
    learnedByCorpus.set(byId, (list = found.list()));
  }
  return list;
}

/** The `matched` line of a topic or a country the query names. */
const topicTag = (t: string): MatchInfo => ({ term: t, field: 'topics', how: 'topic' });
const countryTag = (c: string): MatchInfo => ({ term: c, field: 'countries', how: 'country' });

/**
 * Items tagged with a topic or country the query names (when its words all belong to such names) count as
 * matching every query word, or with some of the named tags that share of it; those with no literal match of
 * them all rank below the literal matches.
 */
function addTagged(
  ranked: Ranked[],
  byId: Map<string, Item>,
  plan: Plan,
  named: NamedTags | undefined,
  /** `allow`: whether an item may be added (filters and exclusions; none when every item may) */
  at: { allow?: (item: Item) => boolean; level: number },
) {
  const { level } = at;
  const items = { byId, cached: byId instanceof CachedItemMap ? byId.cached : undefined };
  const of = plan.content.length;
  // a +word must be in the item: no tag stands for it (namedTags already ignores quoted, prefix and title: queries)
  if (!named || (plan.required.length && !plan.all)) return;
  // the hits with every word, and the lowest score among them (indexed loops: a search's thousands of hits,
  // in code V8 has not optimised yet, where a filter or a for…of makes garbage per hit)
  let fullCount = 0;
  let lowest = Infinity;
  for (let k = 0; k < ranked.length; k++)
    if (ranked[k]!.words === of) {
      fullCount++;
      lowest = Math.min(lowest, ranked[k]!.score);
    }
  const tagged = {
    topics: fullCount ? named.topics : [...named.topics, ...named.weakTopics],
    countries: named.countries,
  };
  if (!tagged.topics.length && !tagged.countries.length) return;
  const floor = fullCount ? lowest : 1;
  // the hits so far by id: one with every word is left as it is, one with some may be raised by its tags
  const hits = new Map<string, Ranked>();
  for (let k = 0; k < ranked.length; k++) hits.set(ranked[k]!.id, ranked[k]!);
  // the items that have one of these tags (from the cache, without parsing them), else every item
  const pool = taggedItems(byId, tagged.topics, tagged.countries);
  // each named tag's items, and those listing it first (a topic) or as primary (a country), looked up once
  const lookups = [
    ...tagged.topics.map((t) => ({ has: pool.set(`t:${t}`), salient: pool.set(`f:${t}`), tag: topicTag(t) })),
    ...tagged.countries.map((c) => ({ has: pool.set(`c:${c}`), salient: pool.set(`p:${c}`), tag: countryTag(c) })),
  ];
  // the `tags` of the items with the same named tags are one array (by which of them, as bits; never changed)
  const tagLists = new Map<number, MatchInfo[]>();
  const entries = pool.entries;
  for (let k = 0; k < entries.length; k++) {
    // (not `const [id, n] =`: destructuring an array runs its iterator, an object per step while interpreted)
    const entry = entries[k]!;
    const id = entry[0];
    const n = entry[1];
    const hit = hits.get(id);
    if (hit && hit.words >= of) continue;
    let bits = 0;
    let matched = 0;
    let salient = false;
    for (let t = 0; t < lookups.length; t++)
      if (lookups[t]!.has(n)) {
        bits |= 1 << t;
        matched++;
        // salience: a primary country or a first-listed topic ranks higher among tag-only hits
        salient ||= lookups[t]!.salient(n);
      }
    if (matched === 0) continue;
    const known = pool.numbered ? n : undefined;
    if (at.allow && !at.allow(itemOf(items, id, known))) continue;
    const salience = salient ? 1 : 0.6;
    let tags = lookups.length <= 30 ? tagLists.get(bits) : undefined;
    if (!tags) tagLists.set(bits, (tags = lookups.flatMap((t, i) => (bits & (1 << i) ? [t.tag] : []))));
    // an item with some of the named tags ("Haitian migrants in Mexico": Mexico only) matches that share of the
    // query, below items with them all
    const share = matched / (tagged.topics.length + tagged.countries.length);
    const score = floor * TAG_SCORE_SHARE * salience * share;
    const tagOnly = (words: number, level: number): Ranked => ({
      id,
      n: known,
      get item() {
        return itemOf(items, id, known);
      },
      score,
      words,
      of,
      level,
      terms: () => [[], []],
      tags,
      parts: () => [],
    });
    if (share < 1) {
      // --all: every word must match, so an item with only some of the named tags does not
      if (plan.all) continue;
      if (!hit) ranked.push(tagOnly(0, level * share));
      else if (hit.level < level * share) Object.assign(hit, { level: level * share, tags });
    } else if (hit) Object.assign(hit, { words: of, level, score: Math.min(hit.score, score), tags });
    else ranked.push(tagOnly(of, level));
  }
}

/**
 * Which literal units held for an item (phrases checked; without phrases, those its probes met), and whether
 * feedback counted.
 */
type Held = { literal?: number[]; fed: boolean };

/** A probe that met an item, with its unit, the query words it stands for, and its hit (see metProbes). */
type MetProbe = (
  unit: Unit,
  query: string,
  probe: Probe,
  hit: { score: number; match: Record<string, string[]> },
  stop: boolean,
) => void;

/**
 * The probes of a plan that met an item, unit by unit, handed to `visit`: the literal units that held, of each
 * expansion its best alternative, and the feedback units when feedback counted. (A callback, not a generator:
 * this runs for every printed hit before V8 optimises it, where each step of a generator makes an object.)
 */
function metProbes(plan: Plan, doc: number, run: Run, scored: Scored, held: Held, visit: MetProbe): void {
  const content = new Set(plan.content);
  const units: Array<[Unit, string]> = [];
  plan.literals.forEach((u, i) => {
    if ((held.literal ? held.literal[i]! : scored.literals[i]!.score[doc]!) > 0) units.push([u, u.label]);
  });
  for (const m of scored.expansions) {
    const best = m.met[doc] ? m.unit[doc] : undefined;
    if (best) units.push([best, best.covers.map((i) => plan.query.include[i]!.raw).join(' ')]);
  }
  if (held.fed)
    plan.feedback.forEach((u, i) => {
      if (scored.feedback[i]!.met[doc]) units.push([u, u.label]);
    });
  for (const [unit, query] of units)
    for (const word of unit.words)
      for (const p of word) {
        const h = run(p);
        const match = h.match(doc);
        if (match)
          visit(
            unit,
            query,
            p,
            { score: h.score[doc]!, match },
            unit.how === 'literal' && !content.has(unit.covers[0]!),
          );
      }
}

/** What gave an item its score, part by part, and the corpus terms it matched, for highlighting. */
interface Matches {
  parts: ScorePart[];
  /** the terms met through the query's words and their expansions (not feedback nor stop words): [as written, stems] */
  terms: [string[], string[]];
}

/** The {@link Matches} of an item, from the probes that met it. */
function matchesOf(plan: Plan, doc: number, run: Run, scored: Scored, held: Held): Matches {
  const parts: ScorePart[] = [];
  const terms = new Set<string>();
  const stems = new Set<string>();
  metProbes(plan, doc, run, scored, held, (unit, query, probe, hit, stop) => {
    const met = Object.keys(hit.match);
    parts.push({
      query,
      how: probe.how,
      ...(stop ? { stop } : {}),
      ...(unit.how === 'synonym' || unit.how === 'acronym' ? { via: unit.label } : {}),
      terms: met,
      fields: [...new Set(Object.values(hit.match).flat())] as Field[],
      score: hit.score * probe.weight,
    });
    if (unit.how === 'feedback' || stop) return;
    for (let i = 0; i < met.length; i++) (probe.stem ? stems : terms).add(unmarked(met[i]!));
  });
  return { parts, terms: [[...terms], [...stems]] };
}

/** Order of the ways a query word can match, best first, for `matched`. */
const HOW_ORDER: MatchHow[] = ['exact', 'stem', 'prefix', 'fuzzy', 'acronym', 'synonym', 'feedback'];

/**
 * Adds to ranked items what a reader sees: which query term matched which field, and how; the best passage;
 * with `explain`, what gave the score.
 */
export function describeHits(ranked: Ranked[], explain = false): Hit[] {
  return ranked.map((r) => {
    const parts = r.parts();
    const matchedTerms = r.terms();
    const terms = new Set(matchedTerms[0]);
    const stems = new Set(matchedTerms[1]);
    const stemMatch = stems.size > 0 ? stemsTo(stems) : () => false;
    const isMatch = (term: string) => terms.has(term) || stemMatch(term);
    const best = new Map<string, MatchInfo>();
    for (const p of parts) {
      if (p.stop) continue;
      for (const field of p.fields) {
        const key = `${p.query}\u0000${field}`;
        const seen = best.get(key);
        if (seen && HOW_ORDER.indexOf(seen.how) <= HOW_ORDER.indexOf(p.how)) continue;
        best.set(key, { term: p.query, field, how: p.how, ...(p.via ? { via: p.via } : {}) });
      }
    }
    const matched = [...best.values(), ...r.tags];
    const hit: Hit = { item: r.item, score: r.score, matched, snippet: makeSnippet(r.item, isMatch) };
    if (explain)
      hit.explain = { words: r.words, of: r.of, score: r.score, parts: explainParts(parts, r.tags, r.score) };
    return hit;
  });
}

/**
 * Score parts for --explain: those of the same query words, way and expression added up, largest first; a tag
 * gives a part of its own, which holds what the other parts leave of the hit's score (a hit found by its tags
 * alone scores by them), so that the parts add up to it; a hit its tags hold to a lower score than its words
 * gave has its words' parts scaled down to it.
 */
function explainParts(parts: ScorePart[], tags: MatchInfo[], score: number): ScorePart[] {
  const merged = new Map<string, ScorePart>();
  for (const p of parts) {
    const key = `${p.query}\u0000${p.how}\u0000${p.via ?? ''}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...p, terms: [...p.terms], fields: [...p.fields] });
    else {
      seen.score += p.score;
      for (const t of p.terms) if (!seen.terms.includes(t)) seen.terms.push(t);
      for (const f of p.fields) if (!seen.fields.includes(f)) seen.fields.push(f);
    }
  }
  const sum = [...merged.values()].reduce((n, p) => n + p.score, 0);
  // a hit whose words met it and which its tags raise is held to the tags' score: its words' parts are scaled
  // down to it (no part is ever negative)
  const scale = tags.length && sum > score && sum > 0 ? score / sum : 1;
  const out = [...merged.values()].map((p) => ({ ...p, score: Math.round(p.score * scale * 1e4) / 1e4 }));
  const rest = Math.max(0, score - out.reduce((n, p) => n + p.score, 0)) / (tags.length || 1);
  for (const t of tags)
    out.push({ query: t.term, how: t.how as ProbeHow, terms: [], fields: [], score: Math.round(rest * 1e4) / 1e4 });
  return out.sort((a, b) => b.score - a.score);
}

/** Ranks, keeps the first `limit`, and describes them: what `meso search` prints. */
export function searchItems(
  index: SearchIndex,
  byId: Map<string, Item>,
  query: Query,
  options: SearchOptions & { limit?: number } = {},
): Hit[] {
  return describeHits(rankItems(index, byId, query, options).slice(0, options.limit ?? Infinity));
}

/** An item's words, field by field: for phrases and exclusions. */
type Words = Record<Field, Word[]>;

const wordsOf = (item: Item): Words => Object.fromEntries(FIELDS.map((f) => [f, toWords(fieldText(item, f))])) as Words;

const termMatches = (c: Clause, query: string, w: Word) =>
  c.prefix ? w.term.startsWith(query) : w.term === query || stem(w.term) === stem(query);

/** Whether a clause occurs in an item's words: a term anywhere (or in the title), a phrase adjacent and in order. */
function clauseMatches(c: Clause, words: Words): boolean {
  const fields = c.titleOnly ? [words.title] : FIELDS.map((f) => words[f]);
  return fields.some((ws) => {
    if (c.kind === 'term') return ws.some((w) => termMatches(c, c.terms[0]!, w));
    for (let i = 0; i + c.terms.length <= ws.length; i++)
      if (c.terms.every((t, k) => ws[i + k]!.term === t)) return true;
    return false;
  });
}

/** Ranks with the query's named topics and countries read from the enrichers' tables: what commands call. */
export function rankCorpus(
  index: SearchIndex,
  byId: Map<string, Item>,
  query: Query,
  enrichers: Enrichers,
  options: Omit<SearchOptions, 'tagged'> = {},
): Ranked[] {
  const tagged = namedTags(query, enrichers.gazetteer, enrichers.topics, (t) => isCommonTerm(index, t, options.lookup));
  return rankItems(index, byId, query, { ...options, tagged });
}
