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
export type Lists = Array<{ docs: number[]; counts: number[] } | undefined>;

/** What the index knows of its documents: their ids and field lengths, by document number. */
export interface Documents {
  count: number;
  ids: readonly string[];
  /** per document, per field id: its number of distinct words */
  fieldLength: ReadonlyArray<readonly number[]>;
  averageFieldLength: readonly number[];
  fieldIds: Record<string, number>;
}

/** The documents part of MiniSearch's JSON, as {@link Documents} (ids and lengths indexed by document number). */
export function documentsOf(stats: Omit<AsPlainObject, 'index'>): Documents {
  const byNumber = <T>(o: Record<string, T> | T[]): T[] =>
    Array.isArray(o) ? o : Object.entries(o).reduce<T[]>((a, [k, v]) => ((a[Number(k)] = v), a), []);
  return {
    count: stats.documentCount,
    ids: byNumber(stats.documentIds as unknown as Record<string, string>),
    fieldLength: byNumber(stats.fieldLength as unknown as Record<string, number[]>),
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
    const options = { ...DEFAULTS, ...searchOptions };
    if (
      typeof options.fuzzy === 'function' ||
      typeof options.prefix === 'function' ||
      options.boostTerm ||
      options.tokenize !== DEFAULTS.tokenize ||
      options.processTerm !== DEFAULTS.processTerm
    )
      throw unsupported('a function for fuzzy, prefix, boostTerm, tokenize or processTerm');
    // meso's tokenize and processTerm keep a query term whole (see INDEX_OPTIONS)
    const terms = [query].filter((term) => !!term);
    return combine(
      terms.map((term) => this.executeTerm(term, options)),
      options.combineWith,
    );
  }

  /** MiniSearch's executeQuerySpec: the term, then what a prefix reaches, then what a typo reaches. */
  private executeTerm(term: string, options: typeof DEFAULTS & SearchOptions): RawResults {
    const fields = options.fields ?? FIELDS;
    const boosts: Record<string, number> = {};
    for (const field of fields) boosts[field] = Object.hasOwn(options.boost, field) ? options.boost[field] || 1 : 1;
    const bm25params = options.bm25;
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...DEFAULTS.weights, ...options.weights };
    const results: RawResults = new Map();
    this.termResults(term, term, 1, this.byTerm.get(term), boosts, bm25params, results);
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
        const weight = (prefixWeight * found.length) / (found.length + 0.3 * distance);
        this.termResults(term, found, weight, data, boosts, bm25params, results);
      }
    if (fuzzyMatches)
      for (const found of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(found)!;
        if (!distance) continue;
        const weight = (fuzzyWeight * found.length) / (found.length + distance);
        this.termResults(term, found, weight, data, boosts, bm25params, results);
      }
    return results;
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
    const { count, fieldLength, averageFieldLength, fieldIds } = this.documents;
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
        const rawScore = bm25(counts[k]!, idf, fieldLength[docId]![fieldId]!, avgFieldLength, k1, b, d);
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
