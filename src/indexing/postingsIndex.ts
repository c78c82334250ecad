import type {
  AsPlainObject,
  BM25Params,
  Query as SearchQuery,
  SearchOptions,
  SearchResult,
  MatchInfo,
} from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { FIELDS, INDEX_OPTIONS } from './buildIndex.js';

/**
 * Searching postings as MiniSearch searches them, without MiniSearch's maps.
 *
 * `MiniSearch.loadJS` turns every document id, every document's field lengths and every posting into a `Map`
 * before the first search: at 10,000 items, tens of milliseconds and as much garbage for a search that reads a
 * few postings. A {@link PostingsIndex} keeps the documents as the arrays they were saved as and each term's
 * postings as two arrays per field, and runs MiniSearch's own search over them: the same query forms and
 * options meso uses, the same BM25 (same formula, same order of operations, so the same floating-point
 * scores), the same prefix and typo expansion (MiniSearch's own radix tree of the same terms, built only when a
 * prefix or typo search asks), the same result objects in the same order. Tests hold it equal to
 * `MiniSearch.loadJS` of the same terms, score for score (tests/indexing/postingsIndex.test.ts).
 */

/** One term's postings, field by field (by field id): document numbers, ascending, and times in that field. */
export type Lists = Array<{ docs: NumberList; counts: NumberList } | undefined>;

/** Numbers as an index holds them: arrays when counted, typed arrays when read from a cache. */
export type NumberList = readonly number[] | Uint32Array;

/** What the index knows of its documents: their ids and field lengths, by document number. */
export interface Documents {
  count: number;
  ids: readonly string[];
  /**
   * per document, per field id: its number of distinct words, at `doc * fieldCount + fieldId` (one typed array
   * rather than an array per document: at 10,000 items, 10,000 fewer objects for the garbage collector to copy)
   */
  lengths: ArrayLike<number>;
  fieldCount: number;
  averageFieldLength: readonly number[];
  fieldIds: Record<string, number>;
}

/** The documents part of MiniSearch's JSON, as {@link Documents} (ids and lengths indexed by document number). */
export function documentsOf(stats: Omit<AsPlainObject, 'index'>): Documents {
  const byNumber = <T>(o: Record<string, T> | T[]): T[] =>
    Array.isArray(o) ? o : Object.entries(o).reduce<T[]>((a, [k, v]) => ((a[Number(k)] = v), a), []);
  const fieldLength = byNumber(stats.fieldLength as unknown as Record<string, number[]>);
  const fieldCount = Object.keys(stats.fieldIds).length;
  const lengths = new Uint32Array(stats.documentCount * fieldCount);
  fieldLength.forEach((perField, doc) => {
    for (let f = 0; f < fieldCount; f++) lengths[doc * fieldCount + f] = perField[f] ?? 0;
  });
  return {
    count: stats.documentCount,
    ids: byNumber(stats.documentIds as unknown as Record<string, string>),
    lengths,
    fieldCount,
    averageFieldLength: stats.averageFieldLength,
    fieldIds: stats.fieldIds,
  };
}

/**
 * What ranking asks of a search index: MiniSearch's `search`, its document count and term count. A MiniSearch
 * is one; so is a {@link PostingsIndex}.
 */
export interface SearchIndex {
  readonly documentCount: number;
  readonly termCount: number;
  search(query: SearchQuery, options?: SearchOptions): SearchResult[];
}

/**
 * One search's hits by document number (see PostingsIndex.scores): what ranking keeps of them, without an object
 * per document.
 */
export interface DocScores {
  /** the documents met, in the order MiniSearch's search meets them */
  readonly docs: Int32Array;
  /** by document number: its score, as MiniSearch's (times the number of query terms met), 0 when not met */
  readonly score: Float64Array;
  /** by document number: 1 when met */
  readonly met: Uint8Array;
  /** by document number: 1 when met in a field other than the body */
  readonly beyondBody: Uint8Array;
  /** by document number: 1 when met in the title */
  readonly inTitle: Uint8Array;
  /** the ids of the documents, by number */
  readonly ids: readonly string[];
  /** MiniSearch's `match` for a document (which index term met which fields), undefined when not met */
  match(docId: number): MatchInfo | undefined;
}

/** MiniSearch's defaults for search options, with meso's (INDEX_OPTIONS.searchOptions) over them. */
const DEFAULTS = {
  combineWith: 'or',
  prefix: false,
  fuzzy: false,
  maxFuzzy: 6,
  boost: {},
  weights: { fuzzy: 0.45, prefix: 0.375 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  ...INDEX_OPTIONS.searchOptions,
} as const satisfies SearchOptions;

/** A document's running result, as MiniSearch's: score, the query terms met, and which index term met which fields. */
type Raw = { score: number; terms: string[]; match: MatchInfo };
type RawResults = Map<number, Raw>;

/**
 * MiniSearch's BM25+, written as it writes it, so the floating-point results are the same; its inverse document
 * frequency, the same for every document of a term's field, worked out once per field ({@link invDocFreq}).
 */
const bm25 = (
  termFreq: number,
  invDocFreq: number,
  fieldLength: number,
  avgFieldLength: number,
  k: number,
  b: number,
  d: number,
) => invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));

const invDocFreq = (matchingCount: number, totalCount: number) =>
  Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));

const unsupported = (what: string) => new Error(`PostingsIndex: ${what} is not supported`);

/** Search options with MiniSearch's defaults, when this index answers them as MiniSearch would; else throws. */
function supportedOptions(searchOptions: SearchOptions) {
  const options = { ...DEFAULTS, ...searchOptions };
  if (
    typeof options.fuzzy === 'function' ||
    typeof options.prefix === 'function' ||
    options.boostTerm ||
    options.tokenize !== DEFAULTS.tokenize ||
    options.processTerm !== DEFAULTS.processTerm
  )
    throw unsupported('a function for fuzzy, prefix, boostTerm, tokenize or processTerm');
  return options;
}

/** Some terms' postings over all documents, searched as MiniSearch searches them (see the top of this file). */
export class PostingsIndex implements SearchIndex {
  private readonly byTerm: Map<string, Lists>;
  private tree?: SearchableMap<Lists>;

  /**
   * @param documents every document of the index
   * @param terms the terms held, in the index's order (the order MiniSearch's tree would receive them)
   * @param lists their postings, in the same order
   */
  constructor(
    private readonly documents: Documents,
    private readonly terms: readonly string[],
    private readonly lists: readonly Lists[],
  ) {
    this.byTerm = new Map(terms.map((t, i) => [t, lists[i]!]));
  }

  get documentCount(): number {
    return this.documents.count;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** The documents' ids, by number. */
  get ids(): readonly string[] {
    return this.documents.ids;
  }

  /** MiniSearch's radix tree of the terms held, for prefix and typo searches: built as loadJS builds it. */
  private radix(): SearchableMap<Lists> {
    if (!this.tree) {
      this.tree = new SearchableMap<Lists>();
      for (let i = 0; i < this.terms.length; i++) this.tree.set(this.terms[i]!, this.lists[i]!);
    }
    return this.tree;
  }

  /** As MiniSearch's `search`: results best first, each score times the number of query terms it met. */
  search(query: SearchQuery, options: SearchOptions = {}): SearchResult[] {
    if (options.filter || options.boostDocument) throw unsupported('filter or boostDocument');
    const results: SearchResult[] = [];
    for (const [docId, { score, terms, match }] of this.execute(query, options)) {
      const quality = terms.length || 1;
      results.push({
        id: this.documents.ids[docId],
        score: score * quality,
        terms: Object.keys(match),
        queryTerms: terms,
        match,
      });
    }
    results.sort((a, b) => b.score - a.score);
    return results;
  }

  /**
   * The results of `search` as a map of document id to score, match and document number, in no particular
   * order: what ranking keeps of them, without sorting them or making result objects it would throw away.
   */
  hits(query: SearchQuery, options: SearchOptions = {}): Map<string, { score: number; match: MatchInfo; doc: number }> {
    if (options.filter || options.boostDocument) throw unsupported('filter or boostDocument');
    const hits = new Map<string, { score: number; match: MatchInfo; doc: number }>();
    for (const [docId, { score, terms, match }] of this.execute(query, options))
      hits.set(this.documents.ids[docId]!, { score: score * (terms.length || 1), match, doc: docId });
    return hits;
  }

  private execute(query: SearchQuery, searchOptions: SearchOptions): RawResults {
    if (typeof query === 'symbol') throw unsupported('the wildcard query');
    if (typeof query !== 'string') {
      const options = { ...searchOptions, ...query, queries: undefined };
      return combine(
        query.queries.map((sub) => this.execute(sub, options)),
        options.combineWith,
      );
    }
    const options = supportedOptions(searchOptions);
    // meso's tokenize and processTerm keep a query term whole (see INDEX_OPTIONS)
    const terms = [query].filter((term) => !!term);
    return combine(
      terms.map((term) => this.executeTerm(term, options)),
      options.combineWith,
    );
  }

  /** MiniSearch's executeQuerySpec: the term, then what a prefix reaches, then what a typo reaches. */
  private executeTerm(term: string, options: typeof DEFAULTS & SearchOptions): RawResults {
    const boosts = fieldBoosts(options);
    const results: RawResults = new Map();
    for (const [found, weight, data] of this.derived(term, options))
      this.termResults(term, found, weight, data, boosts, options.bm25, results);
    return results;
  }

  /**
   * The index terms a query term reaches, each with its weight, in the order MiniSearch scores them: the term
   * itself, then the terms a prefix reaches, then those a typo reaches.
   */
  private derived(term: string, options: typeof DEFAULTS & SearchOptions): Array<[string, number, Lists | undefined]> {
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...DEFAULTS.weights, ...options.weights };
    const out: Array<[string, number, Lists | undefined]> = [[term, 1, this.byTerm.get(term)]];
    const fuzzy = (options.fuzzy as number | boolean) || false;
    const prefix = options.prefix === true;
    let prefixMatches: SearchableMap<Lists> | undefined;
    let fuzzyMatches: Map<string, [Lists, number]> | undefined;
    if (prefix) prefixMatches = this.radix().atPrefix(term);
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = f < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * f)) : f;
      if (maxDistance) fuzzyMatches = this.radix().fuzzyGet(term, maxDistance);
    }
    if (prefixMatches)
      for (const [found, data] of prefixMatches) {
        const distance = found.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(found);
        out.push([found, (prefixWeight * found.length) / (found.length + 0.3 * distance), data]);
      }
    if (fuzzyMatches)
      for (const found of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(found)!;
        if (!distance) continue;
        out.push([found, (fuzzyWeight * found.length) / (found.length + distance), data]);
      }
    return out;
  }

  /**
   * What `hits` gives for `{ queries, combineWith: 'OR' }`, as arrays by document number rather than an object
   * per document: the same scores (the same additions in the same order), the documents in the order `hits`
   * meets them, whether each was met in a field other than the body, and its `match` worked out again when asked
   * (ranking needs it only for the hits it prints).
   */
  scores(queries: readonly string[], searchOptions: SearchOptions = {}): DocScores {
    if (searchOptions.filter || searchOptions.boostDocument) throw unsupported('filter or boostDocument');
    const options = supportedOptions(searchOptions);
    if (options.combineWith.toLowerCase() !== 'or') throw unsupported('AND');
    const { count, fieldIds } = this.documents;
    const boosts = fieldBoosts(options);
    const fields = Object.keys(boosts);
    const { k: k1, b, d } = options.bm25;
    const reached = queries.map((term) => (term ? this.derived(term, options) : []));
    // most probes of a query with expansions meet nothing (a synonym the corpus lacks): they share one answer
    if (!reached.some((derived) => derived.some(([, , lists]) => fields.some((f) => lists?.[fieldIds[f]!]))))
      return (this.none ??= {
        docs: new Int32Array(0),
        score: new Float64Array(count),
        met: new Uint8Array(count),
        beyondBody: new Uint8Array(count),
        inTitle: new Uint8Array(count),
        ids: this.documents.ids,
        match: () => undefined,
      });
    const score = new Float64Array(count);
    const met = new Uint8Array(count);
    const beyondBody = new Uint8Array(count);
    const inTitle = new Uint8Array(count);
    // the documents met, in order (typed arrays and plain loops throughout: a search runs once per process, mostly
    // before V8 optimises it, and unoptimised `for…of` and `push` make garbage per document)
    const docs = new Int32Array(count);
    let metCount = 0;
    // MiniSearch adds up each query term's score alone, then the terms' sums: a second term is added up apart
    const several = queries.length > 1;
    const part = several ? new Float64Array(count) : score;
    const inPart = several ? new Uint8Array(count) : met;
    /** per document, the distinct query terms that met it (MiniSearch's `terms.length`) */
    const quality = several ? new Uint8Array(count) : undefined;
    const touched = new Int32Array(count);
    const k1plus1 = k1 + 1;
    queries.forEach((term, q) => {
      const derived = reached[q]!;
      let touchedCount = 0;
      for (const [, termWeight, lists] of derived) {
        if (lists === undefined) continue;
        for (const field of fields) {
          const fieldBoost = boosts[field]!;
          const fieldId = fieldIds[field]!;
          const list = lists[fieldId];
          if (list === undefined) continue;
          const { docs: postings, counts } = list;
          const idf = invDocFreq(postings.length, count);
          const body = field === 'body' ? 1 : 0;
          const title = field === 'title' ? 1 : 0;
          const normKey = `${fieldId},${k1},${b}`;
          let norm = this.norms.get(normKey) ?? this.grownNorm(normKey, EMPTY_NORM, 0);
          const { lengths, fieldCount } = this.documents;
          // MiniSearch's `termWeight * termBoost * fieldBoost * docBoost * rawScore` (boosts of 1) multiplies from
          // the left: the weight before rawScore is the same number for every posting, worked out once here (the
          // loop runs before V8 optimises it, where every number it works out is a new heap object)
          const weight = termWeight * 1 * fieldBoost * 1;
          for (let k = 0; k < postings.length; k++) {
            const docId = postings[k]!;
            const termFreq = counts[k]!;
            // bm25(), with its length part per document worked out once (the same operations in the same order)
            const length = lengths[docId * fieldCount + fieldId]!;
            let lengthPart = norm[length];
            if (lengthPart === undefined || Number.isNaN(lengthPart)) {
              // a length not yet met (beyond the array's end: longer than any met so far)
              if (length >= norm.length) norm = this.grownNorm(normKey, norm, length);
              lengthPart = this.normOf(norm, length, fieldId, k1, b);
            }
            const rawScore = idf * (d + (termFreq * k1plus1) / (termFreq + lengthPart));
            const weightedScore = weight * rawScore;
            if (inPart[docId]) part[docId]! += weightedScore;
            else {
              inPart[docId] = 1;
              part[docId] = weightedScore;
              touched[touchedCount++] = docId;
              if (!several) docs[metCount++] = docId;
            }
            if (!body) beyondBody[docId] = 1;
            if (title) inTitle[docId] = 1;
          }
        }
      }
      if (!several) return;
      const first = queries.indexOf(term) === q;
      for (let t = 0; t < touchedCount; t++) {
        const docId = touched[t]!;
        if (met[docId]) score[docId] = score[docId]! + part[docId]!;
        else {
          met[docId] = 1;
          score[docId] = part[docId]!;
          docs[metCount++] = docId;
        }
        if (first) quality![docId]! += 1;
        part[docId] = 0;
        inPart[docId] = 0;
      }
    });
    if (quality)
      for (let k = 0; k < metCount; k++) {
        const docId = docs[k]!;
        score[docId] = score[docId]! * (quality[docId]! || 1);
      }
    const match = (docId: number): MatchInfo | undefined => {
      if (!met[docId]) return undefined;
      let all: MatchInfo | undefined;
      for (const derived of reached) {
        let one: MatchInfo | undefined;
        for (const [found, , lists] of derived) {
          if (lists === undefined) continue;
          for (const field of fields) {
            const list = lists[fieldIds[field]!];
            if (list === undefined || !holds(list.docs, docId)) continue;
            one ??= {};
            const seen = Object.hasOwn(one, found) ? one[found] : undefined;
            if (seen) seen.push(field);
            else one[found] = [field];
          }
        }
        if (one) all = all ? Object.assign(all, one) : one;
      }
      return all;
    };
    return { docs: docs.subarray(0, metCount), score, met, beyondBody, inTitle, match, ids: this.documents.ids };
  }

  /** The probes' answer when they meet nothing (see scores); never written to. */
  private none?: DocScores;
  private readonly norms = new Map<string, Float64Array>();

  /**
   * The part of BM25's denominator that depends on a document's length in a field,
   * `k * (1 - b + (b * fieldLength) / avgFieldLength)` as {@link bm25} works it out, by length, NaN until
   * {@link normOf} works it out for a posting: once per length met in a run, rather than once per posting of every
   * term (or per document: documents share few lengths). Kept by field and parameters; grown as longer lengths are
   * met (sizing it by the longest length of the field was a scan of every document's lengths, which at 10,000
   * items took 1.7 ms of a search, in code not yet optimised).
   */
  private grownNorm(key: string, norm: Float64Array, length: number): Float64Array {
    let size = Math.max(64, norm.length);
    while (size <= length) size *= 2;
    const grown = new Float64Array(size).fill(Number.NaN);
    grown.set(norm);
    this.norms.set(key, grown);
    return grown;
  }

  /** Works out and keeps the {@link grownNorm} part of a length met for the first time. */
  private normOf(norm: Float64Array, length: number, fieldId: number, k: number, b: number): number {
    return (norm[length] = k * (1 - b + (b * length) / this.documents.averageFieldLength[fieldId]!));
  }

  /** MiniSearch's termResults: each document holding `derivedTerm` in a searched field scores BM25 × weight × boost. */
  private termResults(
    sourceTerm: string,
    derivedTerm: string,
    termWeight: number,
    lists: Lists | undefined,
    fieldBoosts: Record<string, number>,
    bm25params: BM25Params,
    results: RawResults,
  ): void {
    if (lists === undefined) return;
    const { count, lengths, fieldCount, averageFieldLength, fieldIds } = this.documents;
    const termBoost = 1;
    const docBoost = 1;
    for (const field of Object.keys(fieldBoosts)) {
      const fieldBoost = fieldBoosts[field]!;
      const fieldId = fieldIds[field]!;
      const list = lists[fieldId];
      if (list === undefined) continue;
      const { docs, counts } = list;
      const matchingFields = docs.length;
      const avgFieldLength = averageFieldLength[fieldId]!;
      const idf = invDocFreq(matchingFields, count);
      const { k: k1, b, d } = bm25params;
      for (let k = 0; k < docs.length; k++) {
        const docId = docs[k]!;
        const rawScore = bm25(counts[k]!, idf, lengths[docId * fieldCount + fieldId]!, avgFieldLength, k1, b, d);
        const weightedScore = termWeight * termBoost * fieldBoost * docBoost * rawScore;
        const result = results.get(docId);
        if (result) {
          result.score += weightedScore;
          if (!result.terms.includes(sourceTerm)) result.terms.push(sourceTerm);
          const match = Object.hasOwn(result.match, derivedTerm) ? result.match[derivedTerm] : undefined;
          if (match) match.push(field);
          else result.match[derivedTerm] = [field];
        } else results.set(docId, { score: weightedScore, terms: [sourceTerm], match: { [derivedTerm]: [field] } });
      }
    }
  }
}

/** The length norms before any length is met (see grownNorm). */
const EMPTY_NORM = new Float64Array(0);

/** The field boosts of a search, as MiniSearch's executeQuerySpec makes them (1 for a field given none). */
function fieldBoosts(options: typeof DEFAULTS & SearchOptions): Record<string, number> {
  const boosts: Record<string, number> = {};
  for (const field of options.fields ?? FIELDS)
    boosts[field] = Object.hasOwn(options.boost, field) ? options.boost[field] || 1 : 1;
  return boosts;
}

/** Whether an ascending list of document numbers holds one. */
function holds(docs: NumberList, docId: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = docs[mid]!;
    if (at === docId) return true;
    if (at < docId) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** MiniSearch's combineResults for OR, the one combination meso searches with. */
function combine(results: RawResults[], combineWith: SearchOptions['combineWith'] = 'or'): RawResults {
  if (results.length === 0) return new Map();
  if (combineWith.toLowerCase() !== 'or') throw unsupported(`combineWith ${combineWith}`);
  return results.reduce((a, b) => {
    for (const docId of b.keys()) {
      const existing = a.get(docId);
      if (existing == null) a.set(docId, b.get(docId)!);
      else {
        const { score, terms, match } = b.get(docId)!;
        existing.score = existing.score + score;
        existing.match = Object.assign(existing.match, match);
        for (const t of terms) if (!existing.terms.includes(t)) existing.terms.push(t);
      }
    }
    return a;
  });
}
