import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Item } from '../types.js';
import { tokenize } from '../text/tokenize.js';
import { useKnownStems } from '../text/stem.js';
import { FIELDS, INDEX_OPTIONS, fieldText, indexTerms, isStemTerm, unmarked, type IndexDoc } from './buildIndex.js';
import { AcronymCollector, type Acronym } from './learnAcronyms.js';
import { crc32 } from '../io/crc32.js';
import { readBlock, wordsAt, writeBlock } from '../io/jsonBlock.js';
import { PostingsIndex, documentsOf, type Documents, type Lists, type SearchIndex } from './postingsIndex.js';

export type { SearchIndex } from './postingsIndex.js';

/**
 * The index, held term by term until a search asks for it.
 *
 * MiniSearch keeps an index as a radix tree of terms, each with a map of documents per field. Building those
 * maps for every term, or parsing MiniSearch's JSON of them, costs more than a search: at 10,000 items, about
 * a second. A search only ever meets a few terms (its words, their stems, and the words a prefix or a typo
 * reaches), so meso keeps the postings of every term in plain form — counted from the items
 * ({@link countTerms}) or saved in the cache ({@link SavedIndex}) — and searches the documents, their field
 * lengths and the postings of the terms a query can meet: as a {@link PostingsIndex} ({@link TermIndex.open},
 * what meso searches), which runs MiniSearch's search over them as they are, or as a MiniSearch through its
 * own `loadJS` ({@link TermIndex.load}, the reference the tests compare with). Both score with the document
 * count and field lengths of the whole index, so the hits are the whole index's and so are the scores, but for
 * the last bits: a prefix or a typo adds up its terms' scores in the order of MiniSearch's radix tree, and a
 * tree of some terms is shaped differently from a tree of all (tests hold hits equal and scores equal to 12
 * significant digits; the whole index equals MiniSearch's own `addAll`).
 */

/** One term's postings, as MiniSearch's JSON has them: field id → document number → times in that field. */
type Postings = Record<string, Record<string, number>>;

/** What MiniSearch's JSON holds besides the postings. */
type Stats = Omit<AsPlainObject, 'index'>;

/**
 * The terms of an index, for picking what a query needs: exact look-ups, and the scans MiniSearch's radix tree
 * would do for a prefix or a typo (Levenshtein distance, as its fuzzyGet). A scan of the term list takes a few
 * milliseconds; building MiniSearch's tree of every term would cost more than the search.
 */
export class Vocabulary {
  private byTerm?: Map<string, number>;
  /**
   * @param terms the index's terms, in its order
   * @param acronyms the acronyms the items define ("International Labour Organization (ILO)"), found when
   *   the index was counted (see learnAcronyms)
   * @param sorted the terms' numbers in the order of the terms as strings (see {@link sortedOrder}), when the
   *   index saved them: a term is then looked up by binary search, without a map of every term (at 100,000
   *   items, over 100,000 of them)
   * @param stems per term, the number of its marked stem (see {@link stemNumbers}), when the index saved them
   */
  constructor(
    readonly terms: readonly string[],
    readonly acronyms: readonly Acronym[] = [],
    private readonly sorted?: ArrayLike<number>,
    private readonly stems?: ArrayLike<number>,
  ) {
    if (sorted && sorted.length !== terms.length) throw new Error('the saved index does not match its terms');
    if (stems && stems.length !== terms.length) throw new Error('the saved index does not match its terms');
  }
  /**
   * The stem of a word of the index as it was indexed ({@link stem} gave it then, with this same code), without
   * running the stemmer; undefined for a word the index does not have, or whose stem it did not save.
   */
  stemOf(word: string): string | undefined {
    if (!this.stems || isStemTerm(word)) return undefined;
    const i = this.indexOf(word);
    if (i === undefined) return undefined;
    const s = this.stems[i]!;
    if (s === i) return word;
    const marked = this.terms[s];
    return marked !== undefined && isStemTerm(marked) ? unmarked(marked) : undefined;
  }
  has(term: string): boolean {
    return this.indexOf(term) !== undefined;
  }
  /** The number of a term, in the index's order. */
  indexOf(term: string): number | undefined {
    const { sorted, terms } = this;
    if (!sorted) {
      if (!this.byTerm) {
        this.byTerm = new Map();
        for (let i = 0; i < terms.length; i++) this.byTerm.set(terms[i]!, i);
      }
      return this.byTerm.get(term);
    }
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = sorted[mid]!;
      const t = terms[i]!;
      if (t === term) return i;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
  /**
   * Terms at most `edits` edits from `term`. Kept once found: planning a query and ranking it ask for the same
   * word's neighbours (a word the corpus lacks, "trata", is looked up for its typo probes and again for how common
   * it is), and each time is a scan of every term.
   */
  near(term: string, edits: number): readonly string[] {
    const key = `${edits}\u0000${term}`;
    let found = this.nearby.get(key);
    if (!found) {
      found = [];
      const { terms } = this;
      // (an indexed loop: a for…of makes an object per term while the code is not yet optimised, in every search)
      // and the lengths compared here, so that most terms cost no call (a call to code not yet optimised is
      // dear: about 0.3 µs a term, 3 ms a search at 10,000 items)
      const shortest = term.length - edits;
      const longest = term.length + edits;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        if (t.length >= shortest && t.length <= longest && withinEdits(t, term, edits)) found.push(t);
      }
      this.nearby.set(key, found);
    }
    return found;
  }
  private readonly nearby = new Map<string, string[]>();
  /** Terms that start with `prefix`. */
  *startingWith(prefix: string): Iterable<string> {
    for (const t of this.terms) if (t.startsWith(prefix)) yield t;
  }
}

/**
 * Whether two strings are at most one edit apart (Levenshtein: one character inserted, removed or replaced, in
 * UTF-16 units, as fastest-levenshtein counts): `distance(a, b) <= 1`, told by one pass from each end rather than
 * by working the distance out, which a query's word asks of every term of the index.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length - b.length > 1 || b.length - a.length > 1) return false;
  // what is left between the common start and the common end must be at most one character on each side
  cutCommonEnds(a, b);
  return cut.endA - cut.start <= 1 && cut.endB - cut.start <= 1;
}

/**
 * Where two strings' common start ends (`start`) and their common end begins in each (`endA`, `endB`), as
 * {@link cutCommonEnds} last found them: kept here rather than returned, so that no object is made per term.
 */
const cut = { start: 0, endA: 0, endB: 0 };

/** Finds the common start, then the common end, of two strings, into {@link cut}. */
function cutCommonEnds(a: string, b: string): void {
  const la = a.length;
  const lb = b.length;
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let ea = la;
  let eb = lb;
  while (ea > start && eb > start && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  cut.start = start;
  cut.endA = ea;
  cut.endB = eb;
}

/** Rows of {@link withinEdits}' table, kept between calls (a query's word is held against every term). */
let rows = [new Int32Array(32), new Int32Array(32)];

/**
 * Whether two strings are at most `edits` edits apart (Levenshtein, in UTF-16 units): `distance(a, b) <= edits`,
 * told from the band of the table within `edits` of its diagonal, after the common start and end are cut, and
 * given up as soon as a whole row of the band is past `edits`, which for most terms of an index is within the
 * first few letters: a query's word is held against every term of the index.
 */
export function withinEdits(a: string, b: string, edits: number): boolean {
  if (edits <= 1) return edits === 1 ? withinOneEdit(a, b) : edits === 0 && a === b;
  if (a.length - b.length > edits || b.length - a.length > edits) return false;
  cutCommonEnds(a, b);
  const { start } = cut;
  const n = cut.endA - start;
  const m = cut.endB - start;
  if (n === 0 || m === 0) return n + m <= edits;
  if (rows[0]!.length < m + 2) rows = [new Int32Array(m + 2), new Int32Array(m + 2)];
  let prev = rows[0]!;
  let cur = rows[1]!;
  const past = edits + 1; // any cost beyond `edits`: outside the band, or too far
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= edits ? j : past;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - edits);
    const hi = Math.min(m, i + edits);
    cur[lo - 1] = lo === 1 && i <= edits ? i : past;
    let least = cur[lo - 1]!;
    const c = a.charCodeAt(start + i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (c === b.charCodeAt(start + j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v;
      if (v < least) least = v;
    }
    cur[hi + 1] = past; // the next row reads one cell further right, which this row's band did not reach
    if (least > edits) return false;
    const done = cur;
    cur = prev;
    prev = done;
  }
  return prev[m]! <= edits;
}

/**
 * What ranking asks of an index's terms besides searching: whether a term is in it, and in how many items a
 * term or a spelling within `edits` edits of it is. A {@link TermIndex} answers from its term list and
 * postings; rankItems asks a whole MiniSearch index by searching it.
 */
export interface TermLookup {
  has(term: string): boolean;
  itemsNear(term: string, edits: number): number;
}

/** The {@link TermLookup} of a MiniSearch index that holds every term: by searching it. */
export const searchLookup = (index: SearchIndex): TermLookup => ({
  has: (term) => index.search(term, { fields: FIELDS, prefix: false, fuzzy: false }).length > 0,
  itemsNear: (term, edits) =>
    index.search(term, { fields: FIELDS, prefix: false, fuzzy: edits, maxFuzzy: edits }).length,
});

/** Picks the terms a search needs from a {@link Vocabulary}; see termsForQuery. */
export type PickTerms = (terms: Vocabulary) => Iterable<string>;

/** An index kept term by term, from which MiniSearch indexes holding some or all of the terms are loaded. */
export abstract class TermIndex implements TermLookup {
  private vocabulary?: Vocabulary;
  /** postings already made or parsed, by term number: a term's are read once however often asked */
  private readonly made = new Map<number, Lists>();

  protected abstract terms(): readonly string[];
  protected abstract stats(): Stats;
  protected abstract postings(term: number): Lists;
  protected abstract acronymList(): readonly Acronym[];
  /** the terms' numbers sorted by term, when the index has them (see Vocabulary) */
  protected sortedTerms(): ArrayLike<number> | undefined {
    return undefined;
  }
  /** per term, the number of its marked stem, when the index saved them (see Vocabulary) */
  protected stemNumbers(): ArrayLike<number> | undefined {
    return undefined;
  }

  /** The documents' ids and field lengths, by number. */
  protected docs(): Documents {
    return documentsOf(this.stats());
  }

  /** The terms and the acronyms of the index. */
  vocab(): Vocabulary {
    return (this.vocabulary ??= new Vocabulary(
      this.terms(),
      this.acronymList(),
      this.sortedTerms(),
      this.stemNumbers(),
    ));
  }

  private postingsOf(term: number): Lists {
    let p = this.made.get(term);
    if (p === undefined) this.made.set(term, (p = this.postings(term)));
    return p;
  }

  has(term: string): boolean {
    return this.vocab().has(term);
  }

  /** Items holding `term`, or a term within `edits` edits of it (Levenshtein, as MiniSearch's fuzzy search), in any field. */
  itemsNear(term: string, edits: number): number {
    const vocabulary = this.vocab();
    const near = edits > 0 ? vocabulary.near(term, edits) : vocabulary.has(term) ? [term] : [];
    // the items met, marked in an array by number (a set of numbers makes garbage per item)
    const { count, ids } = (this.documents ??= this.docs());
    const seen = new Uint8Array(Math.max(count, ids.length));
    let items = 0;
    for (const t of near)
      for (const list of this.postingsOf(vocabulary.indexOf(t)!)) {
        if (!list) continue;
        const docs = list.docs;
        for (let k = 0; k < docs.length; k++)
          if (!seen[docs[k]!]) {
            seen[docs[k]!] = 1;
            items++;
          }
      }
    return items;
  }

  /** The numbers of the terms `pick` names (all terms without it), in the index's order. */
  private chosen(pick?: PickTerms): number[] {
    const terms = this.terms();
    if (pick === undefined) return terms.map((_, i) => i);
    const vocabulary = this.vocab();
    const found = new Set<number>();
    for (const t of pick(vocabulary)) {
      const i = vocabulary.indexOf(t);
      if (i !== undefined) found.add(i);
    }
    // in the index's order, so the terms reach the radix tree as they would from the whole index
    return [...found].sort((a, b) => a - b);
  }

  /** A MiniSearch with every document and the postings of the terms `pick` names (all terms without it). */
  load(pick?: PickTerms): MiniSearch<IndexDoc> {
    const terms = this.terms();
    const index: AsPlainObject['index'] = this.chosen(pick).map((i) => [terms[i]!, asPostings(this.postingsOf(i))]);
    return MiniSearch.loadJS<IndexDoc>({ ...this.stats(), index }, INDEX_OPTIONS);
  }

  /**
   * What `load(pick)` gives, searched the same way with the same scores, without building MiniSearch's maps of
   * every document and posting (see {@link PostingsIndex}): what a search uses.
   */
  open(pick?: PickTerms): PostingsIndex {
    const terms = this.terms();
    const chosen = this.chosen(pick);
    return new PostingsIndex(
      (this.documents ??= this.docs()),
      chosen.map((i) => terms[i]!),
      chosen.map((i) => this.postingsOf(i)),
    );
  }
  protected documents?: Documents;
}

/** A term's postings as MiniSearch's JSON has them. */
function asPostings(lists: Lists): Postings {
  const out: Postings = {};
  lists.forEach((list, fieldId) => {
    if (!list) return;
    const docs: Record<string, number> = {};
    for (let k = 0; k < list.docs.length; k++) docs[list.docs[k]!] = list.counts[k]!;
    out[fieldId] = docs;
  });
  return out;
}

/**
 * The index of the items, counted as MiniSearch's `addAll` with {@link INDEX_OPTIONS} would count it: per
 * field, each document's length is its number of distinct words, the mean length is a running mean, and each
 * term gets its count in each document, terms in the order addAll first meets them.
 */
export function countTerms(items: readonly Item[]): CountedIndex {
  const terms = new Map<string, number>();
  // per term, per field: document numbers and counts, in document order
  const postings: Array<Array<{ docs: number[]; counts: number[] } | undefined>> = [];
  const fieldLength: number[][] = [];
  const averageFieldLength: number[] = [];
  const seen = new Set<string>();
  const acronyms = new AcronymCollector();
  // per word met so far: the numbers of the terms it is indexed as (see indexTerms), so that each word is stemmed
  // once, and its count in the field being counted (`at` says which: one Map of every word, not one per field)
  const wordsMet = new Map<string, Word>();
  const numbered = (term: string) => {
    let t = terms.get(term);
    if (t === undefined) {
      terms.set(term, (t = terms.size));
      postings.push([]);
    }
    return t;
  };
  /** the words of the field being counted, in the order first met there */
  const words: Word[] = [];
  let at = 0;
  for (let doc = 0; doc < items.length; doc++) {
    const item = items[doc]!;
    if (seen.has(item.id)) throw new Error(`MiniSearch: duplicate ID ${item.id}`);
    seen.add(item.id);
    const lengths: number[] = [];
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
      at++;
      words.length = 0;
      const text = fieldText(item, FIELDS[fieldId]!);
      for (const token of tokenize(text)) {
        let word = wordsMet.get(token);
        if (word === undefined) wordsMet.set(token, (word = { token, terms: undefined, at: 0, count: 0 }));
        if (word.at === at) word.count++;
        else {
          word.at = at;
          word.count = 1;
          words.push(word);
        }
      }
      acronyms.add(text);
      lengths[fieldId] = words.length;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] ?? 0) * doc + words.length) / (doc + 1);
      // terms numbered as addAll numbers them: in the order their words are first met
      for (const word of words) {
        if (word.terms === undefined) {
          const processed = indexTerms(word.token);
          word.terms = typeof processed === 'string' ? numbered(processed) : processed.map(numbered);
        }
        if (typeof word.terms === 'number') addPosting(postings[word.terms]!, fieldId, doc, word.count);
        else for (const t of word.terms) addPosting(postings[t]!, fieldId, doc, word.count);
      }
    }
    fieldLength.push(lengths);
  }
  const stats: Stats = {
    documentCount: items.length,
    nextId: items.length,
    documentIds: items.map((i) => i.id) as unknown as Stats['documentIds'],
    fieldIds: Object.fromEntries(FIELDS.map((f, i) => [f, i])),
    fieldLength: fieldLength as unknown as Stats['fieldLength'],
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    serializationVersion: 2,
  };
  return new CountedIndex([...terms.keys()], postings, stats, acronyms.list());
}

/** A word met while counting: see countTerms. */
interface Word {
  token: string;
  /** the numbers of the terms it is indexed as, once met in a field */
  terms: number | number[] | undefined;
  /** the field it was last counted in (fields numbered as met), and its count there */
  at: number;
  count: number;
}

/** Counts `n` more of a term in field `fieldId` of document `doc` (two words of a field may share a stem). */
function addPosting(
  lists: Array<{ docs: number[]; counts: number[] } | undefined>,
  fieldId: number,
  doc: number,
  n: number,
) {
  const list = (lists[fieldId] ??= { docs: [], counts: [] });
  const last = list.docs.length - 1;
  if (last >= 0 && list.docs[last] === doc) list.counts[last]! += n;
  else {
    list.docs.push(doc);
    list.counts.push(n);
  }
}

/** The index of a corpus counted in this process: see {@link countTerms}. */
export class CountedIndex extends TermIndex {
  constructor(
    private readonly termList: string[],
    private readonly lists: Array<Array<{ docs: number[]; counts: number[] } | undefined>>,
    private readonly statistics: Stats,
    private readonly acronyms: Acronym[] = [],
  ) {
    super();
  }
  protected terms() {
    return this.termList;
  }
  protected acronymList() {
    return this.acronyms;
  }
  protected stats() {
    return this.statistics;
  }
  protected postings(term: number): Lists {
    return this.lists[term]!;
  }

  /**
   * The index as the cache keeps it, read back by {@link SavedIndex}: a head (see io/jsonBlock: the stats, the
   * terms and the acronyms the items define as JSON; then, as arrays of numbers, the documents' field lengths,
   * where each term's postings end, their CRC-32 and the terms' order as strings), then every term's postings
   * one after another, as {@link writePostings} writes them.
   * The documents' ids are not kept: whoever reads the index knows them (the cache: its items' ids).
   */
  serialize(): Buffer {
    return Buffer.concat(this.serializeParts());
  }

  /** {@link serialize}'s bytes as two parts: the head, and the postings. */
  serializeParts(): [head: Buffer, postings: Buffer] {
    const parts: Buffer[] = [];
    const ends: number[] = [];
    const crcs: number[] = [];
    let end = 0;
    for (let t = 0; t < this.termList.length; t++) {
      const bytes = writePostings(this.lists[t]!);
      parts.push(bytes);
      ends.push((end += bytes.length));
      crcs.push(crc32(bytes));
    }
    const { documentIds: _ids, fieldLength: _lengths, ...stats } = this.statistics;
    const head: SavedHead = { ...stats, terms: this.termList, acronyms: this.acronyms };
    const arrays: HeadArrays = {
      fieldLengths: documentsOf(this.statistics).lengths,
      ends,
      crcs,
      sorted: sortedOrder(this.termList),
      stems: stemNumbers(this.termList),
    };
    return [writeBlock(JSON.stringify(head), arrays), Buffer.concat(parts, end)];
  }
}

/**
 * Per term of an index, the number of the term it is stemmed to as a word: its marked stem ("returnees" →
 * "~return"), itself for a word that is its own stem ("return") and for a marked stem; {@link NO_STEM} where that
 * term is missing (never, for terms counted by countTerms). Saved with the index, so that a search finds the stems
 * of the corpus's words without the stemmer (see useKnownStems).
 */
export function stemNumbers(terms: readonly string[]): number[] {
  const numbers = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) if (isStemTerm(terms[i]!)) numbers.set(terms[i]!, i);
  return terms.map((t, i) => {
    if (isStemTerm(t)) return i;
    // the terms the word is indexed as: itself alone when it is its own stem, else itself and its marked stem
    const indexed = indexTerms(t);
    return typeof indexed === 'string' ? i : (numbers.get(indexed[1]!) ?? NO_STEM);
  });
}

/** A term whose stem the index lacks (see {@link stemNumbers}). */
export const NO_STEM = 0xffffffff;

/** The numbers of `terms` in the order of the terms as strings (JavaScript's <, by UTF-16 code units). */
export function sortedOrder(terms: readonly string[]): number[] {
  return terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
}

/** The head of a saved index, as written: the stats but the documents' ids and field lengths, the terms, the acronyms. */
type SavedHead = Omit<Stats, 'documentIds' | 'fieldLength'> & { terms: string[]; acronyms?: Acronym[] };
/** The head's numbers (see {@link CountedIndex.serialize}). */
type HeadArrays = {
  fieldLengths: ArrayLike<number>;
  ends: ArrayLike<number>;
  crcs: ArrayLike<number>;
  sorted: ArrayLike<number>;
  stems: ArrayLike<number>;
};
/** The head of a saved index, as read. */
type Head = SavedHead & { [name in keyof HeadArrays]: Uint32Array };

/**
 * Where a saved index's postings are when they are not in its buffer (the cache file: only the terms a search
 * needs are read): how many bytes they take, and a reader of a range of them.
 */
export interface PostingsSource {
  length: number;
  read(start: number, end: number): Buffer;
}

/**
 * An index saved by {@link CountedIndex.serialize}, read from `bytes[start, end)` (its head block and its
 * postings, or only its head block when `source` reads the postings), for documents of these `ids` (the items'
 * ids, in the order they were counted); parsed only as asked, each term's postings checked against their CRC-32
 * when read.
 */
export class SavedIndex extends TermIndex {
  private head?: Head;
  private base = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
    private readonly ids: readonly string[],
    private readonly source?: PostingsSource,
  ) {
    super();
  }
  protected terms() {
    return this.readHead().terms;
  }
  protected override docs(): Documents {
    const { documentCount, fieldLengths, fieldIds, averageFieldLength } = this.readHead();
    return {
      count: documentCount,
      ids: this.ids,
      lengths: fieldLengths,
      fieldCount: Object.keys(fieldIds).length,
      averageFieldLength,
      fieldIds,
    };
  }
  /** The stats as MiniSearch's JSON has them (for {@link TermIndex.load}). */
  protected stats(): Stats {
    const {
      terms: _t,
      ends: _e,
      crcs: _c,
      sorted: _s,
      stems: _st,
      acronyms: _a,
      fieldLengths: _f,
      ...rest
    } = this.readHead();
    const { ids, lengths, fieldCount } = this.docs();
    const fieldLength = ids.map((_, doc) =>
      Array.from({ length: fieldCount }, (_, f) => lengths[doc * fieldCount + f]!),
    );
    return {
      ...rest,
      documentIds: { ...ids } as unknown as Stats['documentIds'],
      fieldLength: { ...fieldLength } as unknown as Stats['fieldLength'],
    };
  }
  protected override sortedTerms() {
    return this.readHead().sorted;
  }
  protected override stemNumbers() {
    return this.readHead().stems;
  }
  protected acronymList() {
    return this.readHead().acronyms ?? [];
  }
  protected postings(term: number): Lists {
    const { ends, crcs } = this.readHead();
    const [from, to] = [term ? ends[term - 1]! : 0, ends[term]!];
    const bytes = this.source ? this.source.read(from, to) : this.bytes.subarray(this.base + from, this.base + to);
    if (bytes.length !== to - from || crc32(bytes) !== crcs[term])
      throw new Error('the saved index has a damaged posting list');
    return parsePostings(bytes);
  }

  private readHead() {
    if (this.head) return this.head;
    const block = readBlock(this.bytes, this.start, this.end);
    const saved = block.value as SavedHead;
    const { fieldLengths, ends, crcs, sorted, stems } = block.arrays;
    const postings = this.source ? this.source.length : this.end - block.end;
    if (
      typeof saved !== 'object' ||
      saved === null ||
      !Array.isArray(saved.terms) ||
      !fieldLengths ||
      !ends ||
      !crcs ||
      !sorted ||
      !stems ||
      stems.length !== ends.length ||
      saved.terms.length !== ends.length ||
      crcs.length !== ends.length ||
      (ends.at(-1) ?? 0) !== postings ||
      saved.documentCount !== this.ids.length ||
      fieldLengths.length !== saved.documentCount * Object.keys(saved.fieldIds ?? {}).length
    ) {
      throw new Error('the saved index does not match its postings');
    }
    this.base = block.end;
    this.head = { ...saved, fieldLengths, ends, crcs, sorted, stems };
    // the stems of the corpus's words, as they were counted: a search stems many of them (see useKnownStems);
    // held weakly, so that an index no longer used is not kept for its stems
    const index = new WeakRef<SavedIndex>(this);
    useKnownStems((word) => index.deref()?.vocab().stemOf(word));
    return this.head;
  }
}

/**
 * A term's postings as the cache keeps them: for each field that has the term, in the order of the fields, its
 * id, the number n of documents, the n document numbers and the n counts, each a 32-bit little-endian word
 * (`0 2 3 9 1 2 2 1 9 1`: in field 0, documents 3 and 9, once and twice; in field 2, document 9 once). Read back
 * by {@link parsePostings} as views of the bytes read: nothing to parse, and no array for the garbage collector
 * to copy (at 10,000 items a common word's lists hold tens of thousands of numbers; they were JSON text, whose
 * reading was a tenth of a warm search there).
 */
export function writePostings(lists: Lists): Buffer {
  let words = 0;
  lists.forEach((list) => {
    if (list) words += 2 + 2 * list.docs.length;
  });
  const out = Buffer.allocUnsafe(words * 4); // every byte written below
  let at = 0;
  lists.forEach((list, fieldId) => {
    if (!list) return;
    if (fieldId >= MAX_FIELDS) throw new Error(`an index of more than ${MAX_FIELDS} fields cannot be saved`);
    const n = list.docs.length;
    out.writeUInt32LE(fieldId, at);
    out.writeUInt32LE(n, at + 4);
    at += 8;
    for (let k = 0; k < n; k++, at += 4) out.writeUInt32LE(list.docs[k]!, at);
    for (let k = 0; k < n; k++, at += 4) out.writeUInt32LE(list.counts[k]!, at);
  });
  return out;
}

/** Field ids a posting list may name: an index has a handful of fields; more is damage. */
const MAX_FIELDS = 256;

/**
 * A term's postings as {@link writePostings} wrote them, each list a view of `bytes` (a copy when they are not
 * aligned to 4 bytes, or on a big-endian machine). Anything else in the bytes (a length that is no whole number
 * of words, a count running past the end, fields out of order or out of range) is an error.
 */
export function parsePostings(bytes: Uint8Array): Lists {
  const damaged = () => new Error('the saved index has a damaged posting list');
  if (bytes.length % 4 !== 0) throw damaged();
  const size = bytes.length / 4;
  const words = wordsAt(bytes, 0, size);
  const lists: Lists = [];
  let last = -1;
  for (let at = 0; at < size; ) {
    if (at + 2 > size) throw damaged();
    const fieldId = words[at]!;
    const n = words[at + 1]!;
    if (fieldId <= last || fieldId >= MAX_FIELDS || n > (size - at - 2) / 2) throw damaged();
    last = fieldId;
    const docs = words.subarray(at + 2, at + 2 + n);
    const counts = words.subarray(at + 2 + n, at + 2 + 2 * n);
    lists[fieldId] = { docs, counts };
    at += 2 + 2 * n;
  }
  return lists;
}

/** The whole index of the items, as a MiniSearch. */
export const buildIndex = (items: readonly Item[]): MiniSearch<IndexDoc> => countTerms(items).load();
