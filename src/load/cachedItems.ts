import type { Item } from '../types.js';

/**
 * The items of a cache file, parsed as they are asked for.
 *
 * Parsing every item is most of what reading the cache costs (at 100,000 items, a second and most of the
 * memory), while a search looks at the items its words meet, those tagged with a topic or country it names, and
 * prints a few. The cache keeps the items as a JSON array with one item per line, so that one item can be
 * parsed alone; {@link CachedItems.all} parses the whole array at once when a command wants every item (list,
 * timeline, stats), or once a quarter of the items were asked for one by one, keeping the objects already
 * handed out, so an item is one object however it was reached.
 */
export class CachedItems {
  private readonly parsed: Array<Item | undefined>;
  private every?: Item[];
  /** where each item's line starts, and (last) where the array's closing line starts */
  private starts?: number[];
  private numbers?: Map<string, number>;
  /** items parsed one by one so far */
  private singles = 0;
  private readonly tagSets = new Map<string, Set<number>>();

  /**
   * @param bytes the cache's bytes
   * @param start where the items' JSON array starts in them (its `[` line)
   * @param end where it ends
   * @param ids the items' ids, in the corpus's order (compareItems's: an item's number is its rank)
   * @param tags per tag (`t:` a topic id, `c:` a country, `f:` a first-listed topic, `p:` a primary country),
   *   the numbers of the items that have it, ascending
   */
  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
    readonly ids: readonly string[],
    private readonly tags: ReadonlyMap<string, readonly number[]>,
  ) {
    this.parsed = new Array(ids.length);
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

  /** The item numbered `n` (in the corpus's order), parsed now if it was not yet. */
  at(n: number): Item {
    const seen = this.parsed[n];
    if (seen) return seen;
    if (this.every) return (this.parsed[n] = this.every[n]!);
    // a query that meets most items ("migrants" in a migration corpus) parses them all at once: one by one,
    // each costs more than its share of the whole array
    if (++this.singles > this.ids.length / 4) return (this.parsed[n] = this.all()[n]!);
    const starts = this.lineStarts();
    let to = starts[n + 1]! - 1; // the newline ending the item's line
    if (this.bytes[to - 1] === 44) to--; // its comma
    const item = JSON.parse(this.bytes.toString('latin1', starts[n]!, to)) as Item;
    if (item.id !== this.ids[n]) throw new Error(`the cached item ${n} is not ${this.ids[n]}`);
    return (this.parsed[n] = item);
  }

  /** Every item, in order. */
  all(): Item[] {
    if (this.every) return this.every;
    const items = JSON.parse(this.bytes.toString('latin1', this.start, this.end)) as Item[];
    if (items.length !== this.ids.length) throw new Error('the cached items do not match their ids');
    for (let i = 0; i < items.length; i++) {
      const seen = this.parsed[i];
      if (seen) items[i] = seen;
    }
    return (this.every = items);
  }

  /** Items that have any of these topics or countries, in order. */
  *tagged(topics: readonly string[], countries: readonly string[]): Iterable<Item> {
    for (const n of this.taggedNumbers(topics, countries)) yield this.at(n);
  }

  /** The numbers of the items that have any of these topics or countries, ascending. */
  taggedNumbers(topics: readonly string[], countries: readonly string[]): number[] {
    const numbers = new Set<number>();
    for (const key of [...topics.map((t) => `t:${t}`), ...countries.map((c) => `c:${c}`)])
      for (const n of this.tags.get(key) ?? []) numbers.add(n);
    return [...numbers].sort((a, b) => a - b);
  }

  /**
   * The numbers of the items that have a tag: `t:` a topic, `c:` a country, `f:` a topic listed first, `p:` a
   * primary country; made into a set on first use.
   */
  withTag(key: string): ReadonlySet<number> {
    let set = this.tagSets.get(key);
    if (!set) this.tagSets.set(key, (set = new Set(this.tags.get(key))));
    return set;
  }

  /** Where each item's line starts: after the `[` line, one line per item. */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts: number[] = [];
    let at = this.bytes.indexOf(10, this.start) + 1;
    for (let i = 0; i <= this.ids.length; i++) {
      if (at <= 0 || at > this.end) throw new Error('the cached items do not match their ids');
      starts.push(at);
      if (i < this.ids.length) at = this.bytes.indexOf(10, at) + 1;
    }
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
