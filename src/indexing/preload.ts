import path from 'node:path';
import { loadCorpus, withIndex, type Corpus, type LoadOptions } from '../corpus.js';
import { countTerms } from './termIndex.js';
import { bundledPagesDir } from '../paths.js';
import { listPages } from '../source/readPages.js';

// dist/meso.blob, the start-up snapshot built with meso, holds the bundled pages loaded and indexed; a run
// uses them only while those pages are unchanged.

let bundled: { fingerprint: string; corpus: Corpus } | undefined;

/** Names, sizes and modification times of the bundled pages: what the preloaded corpus was built from. */
function fingerprint(files: Array<{ file: string; size: number; mtimeMs: number }>): string {
  return JSON.stringify(files.map((f) => [f.file, f.size, Math.round(f.mtimeMs)]));
}

/** Loads the bundled pages and counts their index terms now, for the start-up snapshot to keep. */
export function preloadBundledCorpus(): void {
  const { index: _index, lookup: _lookup, ...loaded } = loadCorpus({ paths: [bundledPagesDir()] });
  // the index terms counted now; each search then loads the few it needs, as with any corpus (a whole
  // MiniSearch index here would only make the snapshot bigger, and slower to start)
  const counted = countTerms(loaded.items);
  bundled = { fingerprint: fingerprint(listPages([bundledPagesDir()]).files), corpus: withIndex(loaded, counted) };
}

/**
 * The bundled pages preloaded in this snapshot, when they are what is asked for and are unchanged (same
 * names, sizes and times); else undefined.
 */
export function takePreloadedCorpus(options: LoadOptions): Corpus | undefined {
  const paths = options.paths.map((p) => path.resolve(p));
  if (!bundled || paths.length !== 1 || paths[0] !== bundledPagesDir()) return undefined;
  try {
    return fingerprint(listPages([bundledPagesDir()]).files) === bundled.fingerprint ? bundled.corpus : undefined;
  } catch {
    return undefined;
  }
}
