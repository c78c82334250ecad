import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir } from '../paths.js';
import { fingerprint } from './crc32.js';

/** The data files the build compiles into the gazetteer and taxonomy (dist/tables.jsonl). */
export const TABLE_FILES = ['countries.json', 'topics.json'] as const;
/** The data files the build compiles, with the gazetteer, into the query expansions (dist/expansions.txt). */
export const EXPANSION_FILES = ['thesaurus.json', 'acronyms.json'] as const;

/** A data file's name, size, modification and change time (-1 for a file that cannot be stat'ed). */
type Stamp = [string, number, number, number];

/** Each data file's stamp, taken once per process, before the file is first read (see {@link dataStamps}). */
const stamps = new Map<string, Stamp>();

function stampOf(file: string): Stamp {
  let stamp = stamps.get(file);
  if (!stamp) {
    try {
      const st = statSync(join(bundledDataDir(), file));
      stamp = [file, st.size, st.mtimeMs, st.ctimeMs];
    } catch {
      stamp = [file, -1, -1, -1];
    }
    stamps.set(file, stamp);
  }
  return stamp;
}

/** Fingerprints of sets of data files (their names joined by commas), worked out or taken from a cached corpus. */
const known = new Map<string, string>();

/**
 * The content of some of data/'s files as one fingerprint (see io/crc32's), which what the build compiled from
 * them is checked against: read and summed once per process, unless a cached corpus whose key holds the files'
 * stamps (see {@link dataStamps}) recorded it ({@link trustDataFingerprints}). Each file is stamped before it is
 * read, so a fingerprint is never of content older than the stamps a cache records with it.
 */
export function dataFingerprint(files: readonly string[]): string {
  const key = files.join(',');
  let value = known.get(key);
  if (value === undefined) {
    for (const f of files) stampOf(f);
    value = fingerprint(files.map((f) => readFileSync(join(bundledDataDir(), f))));
    known.set(key, value);
  }
  return value;
}

/** The fingerprints of every set of data files meso compiles, worked out now unless known: for a cache to record. */
export const allDataFingerprints = (): Record<string, string> =>
  Object.fromEntries([TABLE_FILES, EXPANSION_FILES].map((files) => [files.join(','), dataFingerprint(files)]));

/**
 * Takes fingerprints a cached corpus recorded: its key held the stamps of the same files, each taken before the
 * file was read, and its key matched, so the files have not changed since (as its pages have not). Fingerprints
 * already worked out in this process stay.
 */
export function trustDataFingerprints(recorded: unknown): void {
  if (typeof recorded !== 'object' || recorded === null) return;
  for (const [files, value] of Object.entries(recorded))
    if (typeof value === 'string' && !known.has(files)) known.set(files, value);
}

/**
 * The size, modification and change time of each data file {@link allDataFingerprints} reads (as a cache key holds
 * its pages'): one stat each, against reading and summing 180 KB. A file read earlier in the run keeps the stamp
 * taken before it was read: a file changed between that stamp and a cache's write is then seen as changed by the
 * next run, whose stat differs from the stamp the cache recorded.
 */
export const dataStamps = (): Stamp[] => [...TABLE_FILES, ...EXPANSION_FILES].map(stampOf);
