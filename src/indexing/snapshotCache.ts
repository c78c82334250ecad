import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, LoadOptions } from '../corpus.js';
import { packageRoot } from '../paths.js';

/**
 * Cache snapshots: for a corpus of at least this many items, a run that read it through the index cache starts
 * a background process that compiles a V8 start-up snapshot holding the corpus with its index built. Later runs
 * on the same data start from it (bin/launch.sh picks it) and skip reading and parsing the cache. Smaller
 * corpora load from the JSON cache about as fast. MESO_SNAPSHOT_MIN_ITEMS overrides it (tests use 1).
 */
export const SNAPSHOT_MIN_ITEMS = 1000;

/** A lock older than this is left over from a builder that died: taken over. */
const STALE_LOCK_MS = 10 * 60_000;

/** What the builder process preloads: handed to src/snapshot.ts in MESO_SNAPSHOT_BUILD. */
export interface SnapshotSpec {
  paths: string[];
  maxPageBytes?: number;
  cacheDir?: string;
  /** the package root of the meso that built it (its tables and code) */
  root: string;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A failed build is tried again after this long (a full disk or a killed builder may not happen twice). */
const RETRY_FAILED_MS = 24 * 3600_000;
/** Cache snapshots not rebuilt for this long are deleted when another is compiled in the same folder. */
const PRUNE_AFTER_MS = 30 * 24 * 3600_000;

/** A file's stats, or undefined when it cannot be read (gone, or not ours). */
function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const ageMs = (file: string) => Date.now() - (statOf(file)?.mtimeMs ?? -Infinity);

/**
 * Deletes the cache snapshots of a folder (and what goes with them) that are older than {@link PRUNE_AFTER_MS},
 * and temporary files older than a day, so that snapshots of data no longer used do not pile up. Keeps `keep`.
 */
function pruneSnapshots(dir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!name.startsWith('snapshot-') || file.startsWith(keep)) continue;
    const old = name.endsWith('.tmp') || name.endsWith('.tmp.size') ? ageMs(file) > 24 * 3600_000 : /\.blob(\.size|\.failed)?$/.test(name) && ageMs(file) > PRUNE_AFTER_MS;
    if (!old) continue;
    try {
      unlinkSync(file);
    } catch {
      // another run deleted it, or it is not ours to delete
    }
  }
}

/** Takes the build lock (`<blob>.lock`, created exclusively); false when another run holds it. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || ageMs(lock) < STALE_LOCK_MS) return false;
      try {
        unlinkSync(lock);
      } catch {
        return false;
      }
    }
  }
  return false;
}

/**
 * After a load through the cache: when bin/launch.sh named a snapshot for this data (MESO_SNAPSHOT) and the
 * corpus is large enough, compiles it in a detached background process, so this run does not wait. The blob is
 * written to a temporary name and renamed into place; a lock keeps concurrent runs from building it twice.
 * Never fails the command: anything that goes wrong only means no snapshot (--verbose says so).
 */
export function offerSnapshot(corpus: Corpus, options: LoadOptions, key: string, cache: { cacheDir?: string; env: NodeJS.ProcessEnv; log: (m: string) => void }): void {
  const blob = cache.env.MESO_SNAPSHOT;
  if (!blob || !path.isAbsolute(blob)) return;
  const min = Number(cache.env.MESO_SNAPSHOT_MIN_ITEMS ?? SNAPSHOT_MIN_ITEMS);
  if (!(corpus.items.length >= min)) return;
  const [size, builtFor] = (readOr(`${blob}.size`) ?? '').split('\n');
  if (builtFor === key && String(statOf(blob)?.size) === size) {
    cache.log(`a start-up snapshot of these pages is there already (${blob}); the next run starts from it`);
    return;
  }
  if (readOr(`${blob}.failed`) === key && ageMs(`${blob}.failed`) < RETRY_FAILED_MS) {
    cache.log(`a start-up snapshot of these pages could not be compiled lately (see ${blob}.failed): not trying again until they change or a day has passed`);
    return;
  }
  const entry = path.join(packageRoot(), 'dist', 'snapshot.cjs');
  if (!statOf(entry)) return;
  try {
    mkdirSync(path.dirname(blob), { recursive: true });
  } catch {
    return;
  }
  const lock = `${blob}.lock`;
  if (!takeLock(lock)) {
    cache.log(`a start-up snapshot of this corpus is being compiled already (${lock})`);
    return;
  }
  pruneSnapshots(path.dirname(blob), blob);
  const spec: SnapshotSpec = {
    paths: options.paths.map((p) => path.resolve(p)),
    maxPageBytes: options.maxPageBytes,
    cacheDir: cache.cacheDir === undefined ? undefined : path.resolve(cache.cacheDir),
    root: packageRoot(),
  };
  // $1 node, $2 the blob, $3 the entry, $4 the pages' cache key; same V8 flags as bin/launch.sh runs it with.
  // The blob and then <blob>.size (its size, which bin/launch.sh checks, and the key it was built for) are
  // renamed into place; between the two renames the launcher skips the blob. A failed build leaves the key in
  // <blob>.failed, so that a corpus too large to snapshot is not tried on every run.
  const script = [
    't="$2.$$.tmp"',
    'if "$1" --max-semi-space-size=32 --snapshot-blob "$t" --build-snapshot "$3" && s=$(wc -c < "$t") && printf "%s\\n%s\\n" "${s##* }" "$4" > "$t.size"',
    'then mv -f "$t" "$2" && mv -f "$t.size" "$2.size" && rm -f "$2.failed"; else printf %s "$4" > "$2.failed"; fi',
    'rm -f "$t" "$t.size" "$2.lock"',
  ].join('\n');
  try {
    const env: NodeJS.ProcessEnv = { ...cache.env, MESO_SNAPSHOT_BUILD: JSON.stringify(spec) };
    delete env.MESO_SNAPSHOT;
    const child = spawn('sh', ['-c', script, 'meso-snapshot', process.execPath, blob, entry, key], { detached: true, stdio: 'ignore', env });
    child.on('error', () => {}); // no sh: no snapshot; the lock goes stale and is taken over later
    child.unref();
    cache.log(`compiling a start-up snapshot of these ${corpus.items.length} items in the background: ${blob}`);
  } catch (e) {
    try {
      unlinkSync(lock);
    } catch {
      // nothing to clean up
    }
    cache.log(`could not start compiling a start-up snapshot (${(e as Error).message})`);
  }
}
