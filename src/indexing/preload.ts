import path from 'node:path';
import { loadCorpus, type Corpus } from '../corpus.js';
import { bundledPagesDir } from '../paths.js';
import { listPages } from '../source/readPages.js';

let preloaded: { fingerprint: string; corpus: Corpus } | undefined;

/** Names, sizes and modification times of the bundled pages: what the preloaded corpus was built from. */
function fingerprint(files: Array<{ file: string; size: number; mtimeMs: number }>): string {
  return JSON.stringify(files.map((f) => [f.file, f.size, Math.round(f.mtimeMs)]));
}

/** Loads and indexes the bundled pages now, for the start-up snapshot to keep. */
export function preloadBundledCorpus(): void {
  const corpus = loadCorpus({ paths: [bundledPagesDir()] });
  corpus.index();
  preloaded = { fingerprint: fingerprint(listPages([bundledPagesDir()]).files), corpus };
}

/**
 * The corpus preloaded in the snapshot, when the data asked for is the bundled pages and they are still the
 * pages it was built from (same names, sizes and times); else undefined.
 */
export function takePreloadedCorpus(paths: string[]): Corpus | undefined {
  if (!preloaded || paths.length !== 1 || path.resolve(paths[0]!) !== bundledPagesDir()) return undefined;
  try {
    if (fingerprint(listPages([bundledPagesDir()]).files) !== preloaded.fingerprint) return undefined;
  } catch {
    return undefined;
  }
  return preloaded.corpus;
}
