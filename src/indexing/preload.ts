import path from 'node:path';
import { loadCorpus, withIndex, type Corpus, type LoadOptions } from '../corpus.js';
import { bundledPagesDir } from '../paths.js';
import { listPages } from '../source/readPages.js';
import { cacheKey, loadCachedCorpus } from './cache.js';

// A start-up snapshot holds at most one preloaded corpus: the bundled pages (dist/meso.blob) or the user's own
// data (a cache snapshot, see snapshotCache.ts). Either is used only while its pages are unchanged.

let bundled: { fingerprint: string; corpus: Corpus } | undefined;
let data: { paths: string[]; key: string; corpus: Corpus } | undefined;

/** Names, sizes and modification times of the bundled pages: what the preloaded corpus was built from. */
function fingerprint(files: Array<{ file: string; size: number; mtimeMs: number }>): string {
  return JSON.stringify(files.map((f) => [f.file, f.size, Math.round(f.mtimeMs)]));
}

/** Loads and indexes the bundled pages now, for the start-up snapshot to keep. */
export function preloadBundledCorpus(): void {
  const corpus = loadCorpus({ paths: [bundledPagesDir()] });
  corpus.index();
  bundled = { fingerprint: fingerprint(listPages([bundledPagesDir()]).files), corpus };
}

/**
 * Loads the user's data through the index cache (written by the run that asked for this snapshot) and indexes
 * it now, for a cache snapshot to keep. Paths are made absolute: the snapshot may start in another folder.
 */
export function preloadDataCorpus(options: LoadOptions, cacheDir: string | undefined): void {
  const paths = options.paths.map((p) => path.resolve(p));
  const resolved = { paths, maxPageBytes: options.maxPageBytes };
  const known = cacheKey(resolved);
  const loaded = loadCachedCorpus(resolved, { cacheDir, env: process.env, log: () => {} }, known);
  // keep the built index, not the cached JSON it was parsed from
  const { index, ...rest } = loaded;
  data = { paths, key: known.key, corpus: withIndex(rest, index()) };
}

/**
 * The corpus preloaded in this snapshot, when it was built from the data asked for and those pages are
 * unchanged (same names, sizes and times); else undefined. `known` is the data's {@link cacheKey} when the
 * caller needs it anyway.
 */
export function takePreloadedCorpus(options: LoadOptions, known?: () => ReturnType<typeof cacheKey>): Corpus | undefined {
  const paths = options.paths.map((p) => path.resolve(p));
  if (bundled && paths.length === 1 && paths[0] === bundledPagesDir()) {
    try {
      return fingerprint(listPages([bundledPagesDir()]).files) === bundled.fingerprint ? bundled.corpus : undefined;
    } catch {
      return undefined;
    }
  }
  // same paths (sources are named relative to them), and the same key (pages, size limit, tables, versions)
  if (!data || paths.join('\0') !== data.paths.join('\0')) return undefined;
  return (known ?? (() => cacheKey(options)))().key === data.key ? data.corpus : undefined;
}
