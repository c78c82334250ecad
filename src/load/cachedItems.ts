import { crc32 } from '../io/crc32.js';
import type { Item } from '../types.js';

/** Where the items' JSON array is: a reader of its bytes, from its `[` (offset 0) to its end. */
export interface ItemsSource {
  /** bytes [start, end) of the array */
  read(start: number, end: number): Buffer;
  /** the array's length in bytes */
  length: number;
  /** called once every item is parsed: nothing more will be read */
  done?: () => void;
  /** the items made again (from the pages), in the same order, for when one read from the cache is damaged */
  recover?: () => Item[];
}

/** What the cache keeps beside the items' array to read and check one item alone. */
export interface ItemsLayout {
  /** the items' ids, in the corpus's order (compareItems's: an item's number is its rank) */
  ids: readonly string[];
  /**
   * per tag (`t:` a topic id, `c:` a country, `f:` a first-listed topic, `p:` a primary country), the numbers of
   * the items that have it, ascending
   */
  tags: ReadonlyMap<string, ArrayLike<number>>;
  /** per item, the length of its JSON (the array is `[`, then the items one per line, then `]`) */
  lengths: ArrayLike<number>;
  /** per item, the CRC-32 of its JSON */
  crcs: ArrayLike<number>;
  /** the CRC-32 of the whole array */
  crc: number;
}

/** The items that have a tag, by number (see {@link CachedItems.withTag}). */
export interface TagSet {
  has(n: number): boolean;
}

/**
 * The items of a cache file, read and parsed as they are asked for.
 *
 * Parsing every item is most of what reading the cache costs (at 100,000 items, a second and most of the
 * memory), while a search prints a few items: ranking reads none unless a filter, exclusion or phrase asks
 * (see rankItems). The cache keeps the items as a JSON array with one item per line, and beside it each item's
 * length and CRC-32, so that one item is read from the file, checked and parsed alone; {@link CachedItems.all}
 * reads, checks and parses the whole array at once when a command wants every item (list, timeline, stats), or
 * once a quarter of the items were asked for one by one, keeping the objects already handed out, so an item is
 * one object however it was reached.
 */
export class CachedItems {
  private readonly parsed: Array<Item | undefined>;
  private every?: Item[];
  /** where each item's JSON starts in the array */
  private starts?: Float64Array;
  private numbers?: Map<string, number>;
  /** items parsed one by one so far */
  private singles = 0;
  private readonly tagSets = new Map<string, TagSet>();
  readonly ids: readonly string[];

  constructor(
    private readonly source: ItemsSource,
    private readonly layout: ItemsLayout,
  ) {
    this.ids = layout.ids;
    if (layout.lengths.length !== this.ids.length || layout.crcs.length !== this.ids.length)
      throw new Error('the cached items do not match their ids');
    this.parsed = new Array(this.ids.length);
  }

  get length(): number {
    return this.ids.length;
  }

  /** The number of the item with this id. */
  numberOf(id: string): number | undefined {
    if (!this.numbers) {
      this.numbers = new Map();
      for (let i = 0; i < this.ids.length; i++) this.numbers.set(this.ids[i]!, i);
    }
    return this.numbers.get(id);
  }

  /** The item numbered `n` (in the corpus's order), read and parsed now if it was not yet. */
  at(n: number): Item {
    const seen = this.parsed[n];
    if (seen) return seen;
    if (this.every) return (this.parsed[n] = this.every[n]!);
    // a query that meets most items ("migrants" in a migration corpus) parses them all at once: one by one,
    // each costs more than its share of the whole array
    if (++this.singles > this.ids.length / 4) return (this.parsed[n] = this.all()[n]!);
    const start = this.itemStarts()[n]!;
    const bytes = this.source.read(start, start + this.layout.lengths[n]!);
    if (crc32(bytes) !== this.layout.crcs[n])
      return (this.parsed[n] = this.recovered(`the cached item ${n} is damaged`)[n]!);
    const item = JSON.parse(bytes.toString('latin1')) as Item;
    if (item.id !== this.ids[n]) throw new Error(`the cached item ${n} is not ${this.ids[n]}`);
    return (this.parsed[n] = item);
  }

  /** The items made again when one read from the cache is damaged (see ItemsSource.recover), else the error. */
  private recovered(why: string): Item[] {
    if (!this.source.recover) throw new Error(why);
    const items = this.source.recover();
    if (items.length !== this.ids.length || items.some((item, n) => item.id !== this.ids[n]))
      throw new Error(`${why}, and the pages no longer hold the same items`);
    this.source.done?.();
    for (let i = 0; i < items.length; i++) {
      const seen = this.parsed[i];
      if (seen) items[i] = seen;
    }
    return (this.every = items);
  }

  /** Every item, in order. */
  all(): Item[] {
    if (this.every) return this.every;
    const bytes = this.source.read(0, this.source.length);
    if (crc32(bytes) !== this.layout.crc) return this.recovered('the cached items are damaged');
    const items = JSON.parse(bytes.toString('latin1')) as Item[];
    if (items.length !== this.ids.length) throw new Error('the cached items do not match their ids');
    for (let i = 0; i < items.length; i++) {
      const seen = this.parsed[i];
      if (seen) items[i] = seen;
    }
    this.source.done?.();
    return (this.every = items);
  }

  /** Items that have any of these topics or countries, in order. */
  *tagged(topics: readonly string[], countries: readonly string[]): Iterable<Item> {
    for (const n of this.taggedNumbers(topics, countries)) yield this.at(n);
  }

  /** The numbers of the items that have any of these topics or countries, ascending. */
  taggedNumbers(topics: readonly string[], countries: readonly string[]): number[] {
    const keys = [...topics.map((t) => `t:${t}`), ...countries.map((c) => `c:${c}`)];
    const lists: Array<ArrayLike<number>> = [];
    for (const key of keys) {
      const list = this.layout.tags.get(key);
      if (list) lists.push(list);
    }
    if (lists.length === 1) {
      // (an indexed loop: Array.from on a typed array makes an iterator result per number while V8 interprets it)
      const list = lists[0]!;
      const numbers: number[] = new Array(list.length);
      for (let k = 0; k < list.length; k++) numbers[k] = list[k]!;
      return numbers;
    }
    // marked by number, then read in order: no set of numbers to make and sort
    const marked = new Uint8Array(this.ids.length);
    for (const list of lists) for (let k = 0; k < list.length; k++) marked[list[k]!] = 1;
    const numbers: number[] = [];
    for (let n = 0; n < marked.length; n++) if (marked[n]) numbers.push(n);
    return numbers;
  }

  /**
   * The numbers of the items that have a tag: `t:` a topic, `c:` a country, `f:` a topic listed first, `p:` a
   * primary country; marked in an array by number on first use.
   */
  withTag(key: string): TagSet {
    let set = this.tagSets.get(key);
    if (!set) {
      const marked = new Uint8Array(this.ids.length);
      const list = this.layout.tags.get(key) ?? [];
      for (let k = 0; k < list.length; k++) marked[list[k]!] = 1;
      this.tagSets.set(key, (set = { has: (n) => marked[n] === 1 }));
    }
    return set;
  }

  /** Where each item's JSON starts in the array: `[` and a newline, then each item and a comma and a newline. */
  private itemStarts(): Float64Array {
    if (this.starts) return this.starts;
    const starts = new Float64Array(this.ids.length);
    let at = 2;
    for (let i = 0; i < starts.length; i++) {
      starts[i] = at;
      at += this.layout.lengths[i]! + 2;
    }
    if (starts.length && at !== this.source.length - 1) throw new Error('the cached items do not match their ids');
    return (this.starts = starts);
  }
}

/**
 * The items by id, as a Map that parses an item when it is asked for (see {@link CachedItems}); walking it
 * parses them all.
 */
export class CachedItemMap extends Map<string, Item> {
  constructor(readonly cached: CachedItems) {
    super();
  }
  override get size(): number {
    return this.cached.length;
  }
  override has(id: string): boolean {
    return this.cached.numberOf(id) !== undefined;
  }
  override get(id: string): Item | undefined {
    const n = this.cached.numberOf(id);
    return n === undefined ? undefined : this.cached.at(n);
  }
  override *values(): MapIterator<Item> {
    yield* this.cached.all();
  }
  override *keys(): MapIterator<string> {
    yield* this.cached.ids;
  }
  override *entries(): MapIterator<[string, Item]> {
    for (const item of this.cached.all()) yield [item.id, item];
  }
  override [Symbol.iterator](): MapIterator<[string, Item]> {
    return this.entries();
  }
  override forEach(fn: (value: Item, key: string, map: Map<string, Item>) => void, self?: unknown): void {
    for (const item of this.cached.all()) fn.call(self, item, item.id, this);
  }
  override set(): this {
    throw new Error('the cached items are read-only');
  }
  override delete(): boolean {
    throw new Error('the cached items are read-only');
  }
  override clear(): void {
    throw new Error('the cached items are read-only');
  }
}
