import { sha1 } from '../sha1.js';
import { nowMs, timed } from '../timings.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { crc32 } from '../io/crc32.js';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus, withIndex, type Corpus, type LoadOptions } from './loadCorpus.js';
import { CachedItemMap, CachedItems } from './cachedItems.js';
import { listPages, readPageFiles, noReadablePages, DEFAULT_MAX_PAGE_BYTES, type PageEntry } from './readPages.js';
import { tablesChecksum } from '../enrich/getEnrichers.js';
import { INDEX_OPTIONS_KEY } from '../indexing/buildIndex.js';
import { SavedIndex, countTerms } from '../indexing/termIndex.js';

/** Bumped when the cache file layout changes. */
const CACHE_FORMAT = 8;

export interface CacheOptions {
  cacheDir?: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}

/**
 * The user's cache folder for meso: XDG_CACHE_HOME, else the platform's. A relative XDG_CACHE_HOME is ignored,
 * as the XDG Base Directory specification says (it would put the cache wherever meso happens to run).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'meso');
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'meso');
  if (process.platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'meso', 'Cache');
  return path.join(home, '.cache', 'meso');
}

let codeHash: string | undefined;
/**
 * The code that parses and enriches, as a SHA-1 of the running bundle: every .js file beside this module
 * (dist/meso.js and the chunks it loads; under the tests, this module alone). A rebuilt meso with a changed
 * parser or enricher never serves items the old code made, even under the same version number. About a
 * millisecond, once per process.
 */
function codeVersion(): string {
  if (codeHash !== undefined) return codeHash;
  try {
    const self = fileURLToPath(import.meta.url);
    const dir = path.dirname(self);
    const code = self.endsWith('.js')
      ? readdirSync(dir)
          .filter((f) => /\.[cm]?js$/.test(f))
          .sort()
      : [path.basename(self)];
    codeHash = sha1(code.map((f) => `${f}:${sha1(readFileSync(path.join(dir, f)))}`).join('\n'));
  } catch {
    codeHash = 'unknown';
  }
  return codeHash;
}

/**
 * What a cached corpus depends on, as one checksum: the cache layout, meso and MiniSearch versions and the
 * code itself, the index options, the page size limit, the content of the data tables (a hash of their
 * bytes), and every page's path, size, modification and change time (a chmod changes the latter), and what
 * walking the folders found. Costs one stat per page.
 */
function cacheKey(options: LoadOptions): { key: string; listed: ReturnType<typeof listPages> } {
  const maxBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const listed = listPages(options.paths, { maxBytes });
  const key = sha1(
    JSON.stringify({
      format: CACHE_FORMAT,
      meso: __MESO_VERSION__,
      code: codeVersion(),
      minisearch: __MINISEARCH_VERSION__,
      index: INDEX_OPTIONS_KEY,
      maxBytes,
      tables: tablesChecksum(),
      files: listed.files.map((f) => [f.file, f.absolute, f.size, f.mtimeMs, f.ctimeMs]),
      walk: listed.diagnostics,
    }),
  );
  return { key, listed };
}

/**
 * Loads the corpus through the cache. The cache file is named after the data paths; inside, a header line
 * holds the {@link cacheKey} and a checksum of the payload. Anything that does not match is rebuilt and
 * rewritten; `log` (--verbose) says why. The index is parsed only when a command searches.
 */
export function loadCachedCorpus(options: LoadOptions, cache: CacheOptions): Corpus {
  const { key, listed } = timed('list pages', () => cacheKey(options));
  const dir = cache.cacheDir ?? defaultCacheDir(cache.env);
  const file = path.join(
    dir,
    `corpus-${sha1(JSON.stringify(options.paths.map((p) => path.resolve(p)))).slice(0, 16)}.cache`,
  );

  const hit = timed('read cache', () => readCache(file, key, cache.log));
  if (hit) return hit;

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
    mkdirSync(dir, { recursive: true });
    const itemsLine = Buffer.from(asciiJson(itemsPart(corpus)), 'latin1');
    const index = Buffer.from(counted.serialize());
    timed('write cache', () => {
      const head = index.indexOf(10) + 1;
      const header: Header = {
        format: CACHE_FORMAT,
        key,
        items: itemsLine.length,
        head,
        postings: index.length - head,
        crc32: crc32(index.subarray(0, head), crc32(itemsLine)),
      };
      writeFileAtomic(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), itemsLine, index]));
    });
    cache.log(`wrote the cache ${file}`);
  } catch (e) {
    cache.log(`could not write the cache ${file} (${(e as Error).message}); going on without it`);
  }
  return withIndex(corpus, counted);
}

/** What the cache keeps of the items besides them: the first line of its items part. */
interface ItemsHead {
  diagnostics: Corpus['diagnostics'];
  pages: Corpus['pages'];
  merged: number;
  /** the items' ids, in order */
  ids: string[];
  /**
   * per tag (`t:` and a topic id, `c:` and a country; `f:` and the topic an item lists first, `p:` and its primary
   * country), the numbers of the items that have it
   */
  tags: Record<string, number[]>;
}

/**
 * The items part of the cache: a line of {@link ItemsHead}, then the items as a JSON array, one item per line
 * (so that one can be parsed alone: see CachedItems).
 */
function itemsPart(corpus: Omit<Corpus, 'index' | 'lookup'>): string {
  const { items, diagnostics, pages, merged } = corpus;
  const tags: Record<string, number[]> = {};
  items.forEach((item, n) => {
    for (const t of new Set(item.topics)) (tags[`t:${t}`] ??= []).push(n);
    for (const c of new Set(item.countries)) (tags[`c:${c}`] ??= []).push(n);
    if (item.topics.length) (tags[`f:${item.topics[0]}`] ??= []).push(n);
    if (item.primaryCountry !== null) (tags[`p:${item.primaryCountry}`] ??= []).push(n);
  });
  const head: ItemsHead = { diagnostics, pages, merged, ids: items.map((i) => i.id), tags };
  return `${JSON.stringify(head)}\n[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
}

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
  /** bytes of the items line, of the index's head line, and of the postings after them */
  items?: number;
  head?: number;
  postings?: number;
  /** CRC-32 of the items line and the head line (each term's postings have theirs in the head) */
  crc32?: number;
}

/** Reads `buffer.length` bytes of a file from `position`; fewer bytes than that is an error. */
function readFully(fd: number, buffer: Buffer, position: number): Buffer {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('the file ends early');
    done += n;
  }
  return buffer;
}

/** Reads bytes [start, end) of a file. */
function readRange(file: string, start: number, end: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    return readFully(fd, Buffer.allocUnsafe(end - start), start);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a cache file; returns null (and logs why) when it is missing, stale or damaged. The file is read as
 * bytes and checked whole; only the header and the items are decoded now, the index when a search asks.
 */
function readCache(file: string, key: string, log: (m: string) => void): Corpus | null {
  const t0 = nowMs();
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    log(`no cache yet at ${file}: building`);
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const first = readFully(fd, Buffer.allocUnsafe(Math.min(size, 4096)), 0);
    const nl = first.indexOf(10);
    if (nl < 0) throw new Error('it has no header line');
    const header = JSON.parse(first.toString('utf8', 0, nl)) as Header;
    if (header.format !== CACHE_FORMAT || header.key !== key) {
      log('cache is stale (pages, meso version or index options changed): rebuilding');
      return null;
    }
    const { items = -1, head = -1, postings = -1 } = header;
    if (items < 1 || head < 1 || postings < 0 || size !== nl + 1 + items + head + postings) {
      log('cache fails its checksum (damaged or truncated): rebuilding');
      return null;
    }
    // the items and the index's head, checked whole; the postings are read term by term as a search needs them
    const bytes = readFully(fd, Buffer.allocUnsafe(items + head), nl + 1);
    if (crc32(bytes) !== header.crc32) {
      log('cache fails its checksum (damaged or truncated): rebuilding');
      return null;
    }
    // written as ASCII (see asciiJson): read byte for byte, without UTF-8 decoding
    const split = bytes.indexOf(10);
    const meta = JSON.parse(bytes.toString('latin1', 0, split)) as ItemsHead;
    const cached = new CachedItems(bytes, split + 1, items - 1, meta.ids, new Map(Object.entries(meta.tags)));
    // the items are parsed as they are asked for: a search parses those it meets, a list all of them
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
      new SavedIndex(bytes, items, items + head, {
        length: postings,
        read: (start, end) => readRange(file, at + start, at + end),
      }),
      log,
    );
  } catch (e) {
    log(`cache does not parse (${(e as Error).message}): rebuilding`);
    return null;
  } finally {
    closeSync(fd);
  }
}
