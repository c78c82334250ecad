import { sha1 } from '../sha1.js';
import { nowMs, timed } from '../timings.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { makeDirs } from '../io/makeDirs.js';
import { crc32, fingerprint } from '../io/crc32.js';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { buildCorpus, loadCorpus, withIndex, type Corpus, type LoadOptions } from './loadCorpus.js';
import type { Item } from '../types.js';
import { CachedItemMap, CachedItems, type ItemsSource } from './cachedItems.js';
import { listPages, readPageFiles, noReadablePages, DEFAULT_MAX_PAGE_BYTES, type PageEntry } from './readPages.js';
import { allDataFingerprints, dataStamps, trustDataFingerprints } from '../io/dataFingerprints.js';
import { INDEX_OPTIONS_KEY } from '../indexing/buildIndex.js';
import { SavedIndex, countTerms } from '../indexing/termIndex.js';
import { readBlock, writeBlock } from '../io/jsonBlock.js';
import { readFully, readHeaderLine, readRange } from '../io/readRange.js';
import { defaultCacheDir } from '../paths.js';

/** Bumped when the cache file layout changes. */
const CACHE_FORMAT = 13;

export interface CacheOptions {
  cacheDir?: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}

export { defaultCacheDir };

let codeHash: string | undefined;
/**
 * The code that parses and enriches, as a SHA-1 of the running bundle: every .js file beside this module
 * (dist/meso.js and the chunks it loads; under the tests, this module alone). A rebuilt meso with a changed
 * parser or enricher never serves items the old code made, even under the same version number. About a
 * millisecond, once per process.
 */
function codeVersion(): string {
  // the build writes the bundle's SHA-1 into it (scripts/build.mjs): nothing to read and hash at run time
  if (typeof __MESO_CODE_ID__ === 'string') return __MESO_CODE_ID__;
  if (codeHash !== undefined) return codeHash;
  try {
    const self = fileURLToPath(import.meta.url);
    const dir = dirname(self);
    const code = self.endsWith('.js')
      ? readdirSync(dir)
          .filter((f) => /\.[cm]?js$/.test(f))
          .sort()
      : [basename(self)];
    codeHash = sha1(code.map((f) => `${f}:${sha1(readFileSync(join(dir, f)))}`).join('\n'));
  } catch {
    codeHash = 'unknown';
  }
  return codeHash;
}

/**
 * What a cached corpus depends on, as a JSON text the cache's header holds whole and compares as it is (no hash
 * to collide, and no node:crypto to load): the cache layout, meso and MiniSearch versions and the code itself,
 * the index options, the page size limit, the size, modification and change time of the data files the build
 * compiles (data/*.json) and of every page (with its path; a chmod changes the change time), and what walking the
 * folders found. Costs one stat per page and per data file.
 */
function cacheKey(options: LoadOptions): { key: string; listed: ReturnType<typeof listPages> } {
  const maxBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const listed = listPages(options.paths, { maxBytes });
  const key = JSON.stringify({
    format: CACHE_FORMAT,
    meso: __MESO_VERSION__,
    code: codeVersion(),
    minisearch: __MINISEARCH_VERSION__,
    index: INDEX_OPTIONS_KEY,
    maxBytes,
    data: dataStamps(),
    files: listed.files.map((f) => [f.file, f.absolute, f.size, f.mtimeMs, f.ctimeMs]),
    walk: listed.diagnostics,
  });
  return { key, listed };
}

/**
 * Loads the corpus through the cache. The cache file is named after the data paths; inside, a header line
 * holds the {@link cacheKey} and a checksum of the payload. Anything that does not match is rebuilt and
 * rewritten; `log` (--verbose) says why. The index is parsed only when a command searches.
 */
export function loadCachedCorpus(options: LoadOptions, cache: CacheOptions): Corpus {
  const { key, listed } = timed('list pages', () => cacheKey(options));
  // a stream (standard input, a FIFO) is read once, to its end: nothing to key a cache on
  if (listed.streams.length > 0) return loadCorpus(options);
  const dir = cache.cacheDir ?? defaultCacheDir(cache.env);
  // named after the data paths; two sets of paths of one name would only take turns (each key tells its own)
  const named = Buffer.from(JSON.stringify(options.paths.map((p) => resolve(p))));
  const file = join(dir, `corpus-${fingerprint([named])}.cache`);

  const build = () => buildAndWrite(options, cache, listed, key, dir, file);
  // an item that fails its checksum when it is read (the cache was checked whole but for the items) makes the
  // corpus be built again from the pages, and the cache written again
  const hit = timed('read cache', () => readCache(file, key, cache.log, () => build().items));
  if (hit) return hit;
  return build();
}

/** Reads, parses, enriches and counts the pages, and writes the cache (unless a page could not be read). */
function buildAndWrite(
  options: LoadOptions,
  cache: CacheOptions,
  listed: ReturnType<typeof listPages>,
  key: string,
  dir: string,
  file: string,
): Corpus {
  const t0 = nowMs();
  const diagnostics = [...listed.diagnostics];
  const failed: PageEntry[] = [];
  const pages = timed('read pages', () => readPageFiles(listed.files, diagnostics, failed));
  if (pages.length === 0) throw noReadablePages(options.paths, diagnostics);
  const corpus = buildCorpus(pages, diagnostics, options.progress);
  options.progress?.(0, corpus.items.length, 'items');
  const counted = timed('count index terms', () => countTerms(corpus.items));
  cache.log(`built ${corpus.items.length} items and their index in ${Math.round(nowMs() - t0)} ms`);
  if (failed.length > 0) {
    // a page skipped as unreadable is never served from the cache as skipped: a chmod, an ACL or a mount
    // can make it readable without changing anything the key sees
    cache.log(`${failed.length} page${failed.length === 1 ? '' : 's'} could not be read: the cache is not written`);
    return withIndex(corpus, counted);
  }
  try {
    options.progress?.(0, 1, 'cache');
    makeDirs(dir);
    const [metaBlock, array] = itemsPart(corpus);
    const arrayBytes = array.reduce((n, b) => n + b.length, 0);
    const [indexHead, postings] = counted.serializeParts();
    timed('write cache', () => {
      const header: Header = {
        format: CACHE_FORMAT,
        key,
        meta: metaBlock.length,
        items: metaBlock.length + arrayBytes,
        head: indexHead.length,
        postings: postings.length,
        crc32: crc32(indexHead, crc32(metaBlock)),
        fingerprints: allDataFingerprints(),
      };
      const parts = [Buffer.from(`${JSON.stringify(header)}\n`), metaBlock, ...array, indexHead, postings];
      writeFileAtomic(file, Buffer.concat(parts));
    });
    cache.log(`wrote the cache ${file}`);
  } catch (e) {
    cache.log(`could not write the cache ${file} (${(e as Error).message}); going on without it`);
  }
  return withIndex(corpus, counted);
}

/**
 * What the cache keeps of the items besides them, the block (see io/jsonBlock) that starts its items part: as
 * JSON, the diagnostics, the page figures and the items' ids; as arrays of numbers, per item the length of its
 * JSON in the array and its CRC-32 (`lengths`, `crcs`), and per tag (`t:` and a topic id, `c:` and a country;
 * `f:` and the topic an item lists first, `p:` and its primary country: names with a colon, which `lengths` and
 * `crcs` have not) the numbers of the items that have it, ascending.
 */
interface ItemsHead {
  diagnostics: Corpus['diagnostics'];
  pages: Corpus['pages'];
  merged: number;
  /** the items' ids, in order */
  ids: string[];
  /** the CRC-32 of the whole array */
  crc: number;
}

/**
 * The items part of the cache: the {@link ItemsHead} block, then the items as a JSON array, one item per line
 * (so that one can be read and parsed alone: see CachedItems), both as ASCII (see asciiJson).
 */
function itemsPart(corpus: Omit<Corpus, 'index' | 'lookup'>): [Buffer, Buffer[]] {
  const { items, diagnostics, pages, merged } = corpus;
  // the items' array in chunks of a few thousand lines (ASCII: a byte per character), each made into bytes at
  // once rather than line by line, and each line's checksum taken over its slice of them
  const array: Buffer[] = [];
  const lengths: number[] = [];
  const crcs: number[] = [];
  let crc = 0;
  for (let n = 0; n < items.length || n === 0; n += ITEMS_PER_CHUNK) {
    const end = Math.min(n + ITEMS_PER_CHUNK, items.length);
    const lines = items.slice(n, end).map((i) => asciiJson(JSON.stringify(i)));
    const open = n === 0 ? '[\n' : ',\n';
    const chunk = Buffer.from(`${open}${lines.join(',\n')}${end === items.length ? '\n]\n' : ''}`, 'latin1');
    let at = open.length;
    for (const line of lines) {
      lengths.push(line.length);
      crcs.push(crc32(chunk.subarray(at, at + line.length)));
      at += line.length + 2;
    }
    crc = crc32(chunk, crc);
    array.push(chunk);
  }
  const tags: Record<string, number[]> = {};
  items.forEach((item, n) => {
    for (const t of new Set(item.topics)) (tags[`t:${t}`] ??= []).push(n);
    for (const c of new Set(item.countries)) (tags[`c:${c}`] ??= []).push(n);
    if (item.topics.length) (tags[`f:${item.topics[0]}`] ??= []).push(n);
    if (item.primaryCountry !== null) (tags[`p:${item.primaryCountry}`] ??= []).push(n);
  });
  const head: ItemsHead = { diagnostics, pages, merged, ids: items.map((i) => i.id), crc };
  return [writeBlock(asciiJson(JSON.stringify(head)), { lengths, crcs, ...tags }), array];
}

/** Items made into bytes together when the cache is written. */
const ITEMS_PER_CHUNK = 4096;

/**
 * JSON with every character beyond ASCII written as a \u escape: the same value, but a file that decodes byte
 * for byte into a one-byte string, which Node reads and JSON.parse walks faster than UTF-8 (at 10,000 items,
 * about 50 ms against 65 for the items).
 */
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The cache file's first line. */
interface Header {
  format?: number;
  key?: string;
  /** bytes of the items part (its head block, `meta` bytes, then the items' array), of the index's head block, and of the postings after them */
  meta?: number;
  items?: number;
  head?: number;
  postings?: number;
  /** CRC-32 of the items part's head block and the index's (each item and each term's postings have theirs) */
  crc32?: number;
  /**
   * the data files' fingerprints (see io/dataFingerprints), each file read after the stamp the key holds of it was
   * taken: a run whose key matches takes them rather than read and sum the files again
   */
  fingerprints?: Record<string, string>;
}

/** Closes the descriptor of an items source nobody holds any more. */
const unheld = new FinalizationRegistry<{ fd?: number }>((held) => {
  if (held.fd !== undefined) closeSync(held.fd);
});

/**
 * The items' array of a cache file, read from the descriptor the cache was read with, kept open until every item
 * is read (or the items are no longer held): a file replaced meanwhile by another run's cache is still read as
 * it was when this run checked it.
 */
function itemsSource(fd: number, start: number, length: number, recover: () => Item[]): ItemsSource {
  const held: { fd?: number } = { fd };
  const source: ItemsSource = {
    length,
    recover,
    read(from, to) {
      if (held.fd === undefined) throw new Error('the cached items were all read');
      return readFully(held.fd, Buffer.allocUnsafe(to - from), start + from);
    },
    done() {
      if (held.fd !== undefined) closeSync(held.fd);
      held.fd = undefined;
    },
  };
  unheld.register(source, held);
  return source;
}

/**
 * Reads a cache file; returns null (and logs why) when it is missing, stale or damaged. The file is read as
 * bytes and checked whole; only the header and the items are decoded now, the index when a search asks.
 */
function readCache(file: string, key: string, log: (m: string) => void, rebuild: () => Item[]): Corpus | null {
  const t0 = nowMs();
  let fd: number;
  let kept = false;
  try {
    fd = openSync(file, 'r');
  } catch {
    log(`no cache yet at ${file}: building`);
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const [first, nl] = readHeaderLine(fd, size);
    const header = JSON.parse(first.toString('utf8', 0, nl)) as Header;
    if (header.format !== CACHE_FORMAT || header.key !== key) {
      log('cache is stale (pages, meso version or index options changed): rebuilding');
      return null;
    }
    const { meta: metaBytes = -1, items = -1, head = -1, postings = -1 } = header;
    if (metaBytes < 1 || items <= metaBytes || head < 1 || postings < 0 || size !== nl + 1 + items + head + postings) {
      log('cache fails its checksum (damaged or truncated): rebuilding');
      return null;
    }
    // the items part's head block and the index's, checked whole; each item is read and checked when it is
    // asked for, and each term's postings when a search needs them
    const metaBlock = readFully(fd, Buffer.allocUnsafe(metaBytes), nl + 1);
    const bytes = readFully(fd, Buffer.allocUnsafe(head), nl + 1 + items);
    if (crc32(bytes, crc32(metaBlock)) !== header.crc32) {
      log('cache fails its checksum (damaged or truncated): rebuilding');
      return null;
    }
    // written as ASCII (see asciiJson): read byte for byte, without UTF-8 decoding
    const block = readBlock(metaBlock, 0, metaBlock.length);
    const meta = block.value as ItemsHead;
    const { lengths, crcs, ...tags } = block.arrays;
    if (block.end !== metaBlock.length || !lengths || !crcs || !Array.isArray(meta?.ids))
      throw new Error('the items part is damaged');
    const recover = () => {
      log('cache fails its checksum (a damaged item): rebuilding');
      return rebuild();
    };
    const cached = new CachedItems(itemsSource(fd, nl + 1 + metaBytes, items - metaBytes, recover), {
      ids: meta.ids,
      tags: new Map(Object.entries(tags)),
      lengths,
      crcs,
      crc: meta.crc,
    });
    kept = true; // the items' reader keeps the descriptor
    // the items are parsed as they are asked for: a search parses those it prints, a list all of them
    trustDataFingerprints(header.fingerprints);
    const corpus: Omit<Corpus, 'index' | 'lookup'> = {
      get items() {
        return cached.all();
      },
      byId: new CachedItemMap(cached),
      diagnostics: meta.diagnostics,
      pages: meta.pages,
      merged: meta.merged,
    };
    log(`read the cache ${file} in ${Math.round(nowMs() - t0)} ms (the index is loaded when a search needs it)`);
    const at = nl + 1 + items + head;
    return withIndex(
      corpus,
      new SavedIndex(bytes, 0, head, meta.ids, {
        length: postings,
        read: (start, end) => readRange(file, at + start, at + end),
      }),
      log,
    );
  } catch (e) {
    log(`cache does not parse (${(e as Error).message}): rebuilding`);
    return null;
  } finally {
    if (!kept) closeSync(fd);
  }
}
