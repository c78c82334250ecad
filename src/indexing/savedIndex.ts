import MiniSearch, { type AsPlainObject } from 'minisearch';
import { distance } from 'fastest-levenshtein';
import { INDEX_OPTIONS, type IndexDoc } from './buildIndex.js';

/**
 * An index as the cache keeps it, so that a search reads only the postings it needs.
 *
 * MiniSearch's own JSON (`toJSON`) is one array: to search anything, all of it is parsed and every term's
 * postings turned into maps, which at 10,000 items costs more than the search. Here the index is two lines:
 *
 *   1. the head, as JSON: what MiniSearch's JSON holds besides the postings (document ids, field lengths and
 *      their means, counts) and the terms in order, each with where its postings end in line 2;
 *   2. every term's postings (`{"0":{"12":1}}`: field id → document → count), one JSON object after another.
 *
 * A search loads the head, picks the terms its query can meet (the words, their stems, and the corpus words
 * a prefix or a typo can reach: see {@link Vocabulary}), and hands MiniSearch just those through its own
 * `loadJS`. MiniSearch scores with the document counts and field lengths of the whole index, so the
 * hits and scores are those of the whole index (a test holds them equal).
 */

/** The head line: MiniSearch's JSON without its postings, with the terms and where their postings end. */
interface Head extends Omit<AsPlainObject, 'index'> {
  terms: string[];
  /** ends[i]: the offset, in bytes from the start of line 2, where the postings of terms[i] end */
  ends: number[];
}

/** Writes an index in the two-line form read by {@link SavedIndex}. */
export function serializeIndex(index: MiniSearch<IndexDoc>): string {
  const { index: entries, ...rest } = index.toJSON();
  const terms: string[] = [];
  const ends: number[] = [];
  const postings: string[] = [];
  let end = 0;
  for (const [term, data] of entries) {
    const json = JSON.stringify(data); // digits and punctuation only: one byte per character
    terms.push(term);
    postings.push(json);
    ends.push((end += json.length));
  }
  return `${JSON.stringify({ ...rest, terms, ends } satisfies Head)}\n${postings.join('')}`;
}

/**
 * The terms of a saved index, for picking what a query needs: exact look-ups, and the scans MiniSearch's radix
 * tree would do for a prefix or a typo (Levenshtein distance, as its fuzzyGet). A scan over the term list is
 * a few milliseconds; building MiniSearch's tree of every term would cost more than the search.
 */
export class Vocabulary {
  private readonly byTerm: Map<string, number>;
  constructor(readonly terms: readonly string[]) {
    this.byTerm = new Map(terms.map((t, i) => [t, i]));
  }
  has(term: string): boolean {
    return this.byTerm.has(term);
  }
  /** The number of a term, in the saved order. */
  indexOf(term: string): number | undefined {
    return this.byTerm.get(term);
  }
  /** Terms at most `edits` edits from `term`. */
  *near(term: string, edits: number): Iterable<string> {
    for (const t of this.terms) if (Math.abs(t.length - term.length) <= edits && distance(t, term) <= edits) yield t;
  }
  /** Terms that start with `prefix`. */
  *startingWith(prefix: string): Iterable<string> {
    for (const t of this.terms) if (t.startsWith(prefix)) yield t;
  }
}

/** An index saved by {@link serializeIndex}, read from `bytes[start, end)`; nothing is parsed until asked. */
export class SavedIndex {
  private head?: Head;
  private vocabulary?: Vocabulary;

  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** Loads a MiniSearch with every document and the postings of the terms `pick` names (all terms without it). */
  load(pick?: (terms: Vocabulary) => Iterable<string>): MiniSearch<IndexDoc> {
    const { terms, ends, ...rest } = this.readHead();
    const base = this.bytes.indexOf(10, this.start) + 1;
    let chosen: number[];
    if (pick === undefined) chosen = terms.map((_, i) => i);
    else {
      const vocabulary = (this.vocabulary ??= new Vocabulary(terms));
      const found = new Set<number>();
      for (const t of pick(vocabulary)) {
        const i = vocabulary.indexOf(t);
        if (i !== undefined) found.add(i);
      }
      // in the saved order, so the terms reach MiniSearch's tree as they did in the whole index
      chosen = [...found].sort((a, b) => a - b);
    }
    const index: AsPlainObject['index'] = chosen.map((i) => [terms[i]!, JSON.parse(this.bytes.toString('latin1', base + (i ? ends[i - 1]! : 0), base + ends[i]!))]);
    return MiniSearch.loadJS<IndexDoc>({ ...rest, index }, INDEX_OPTIONS);
  }

  private readHead(): Head {
    if (this.head) return this.head;
    const split = this.bytes.indexOf(10, this.start);
    if (split < 0 || split >= this.end) throw new Error('the saved index has no postings line');
    const head = JSON.parse(this.bytes.toString('utf8', this.start, split)) as Head;
    if (!Array.isArray(head.terms) || !Array.isArray(head.ends) || head.terms.length !== head.ends.length || (head.ends.at(-1) ?? 0) !== this.end - split - 1) {
      throw new Error('the saved index does not match its postings');
    }
    return (this.head = head);
  }
}
