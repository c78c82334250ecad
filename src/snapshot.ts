import v8 from 'node:v8';
import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { runProcess } from './runProcess.js';
import { setPackageRoot } from './paths.js';
import { getEnrichers } from './corpus.js';
import { preloadBundledCorpus, preloadDataCorpus } from './indexing/preload.js';
import type { SnapshotSpec } from './indexing/snapshotCache.js';

/**
 * The entry of V8 start-up snapshots, started by bin/launch.sh with `node --snapshot-blob … -- …`:
 *
 * - dist/meso.blob (built by scripts/build.mjs): the code, the compiled gazetteer and taxonomy, and the
 *   bundled pages parsed, enriched and indexed, all in the heap before the first keystroke;
 * - a cache snapshot of the user's data (MESO_SNAPSHOT_BUILD set, see src/indexing/snapshotCache.ts): the
 *   same code and tables, and that data loaded from the index cache with its index built.
 */
const build = process.env.MESO_SNAPSHOT_BUILD;
const spec = build ? (JSON.parse(build) as SnapshotSpec) : undefined;
if (spec) setPackageRoot(spec.root);
getEnrichers();
if (spec) preloadDataCorpus({ paths: spec.paths, maxPageBytes: spec.maxPageBytes }, spec.cacheDir);
else preloadBundledCorpus();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  if (spec) {
    // a cache snapshot of a meso that has since gone (the launcher names snapshots after the package's place,
    // so this is a copy of the blob): fail before taking the launcher's marker away, so the next run tests
    // this snapshot and deletes it
    if (!existsSync(path.join(spec.root, 'dist', 'snapshot.cjs'))) {
      process.stderr.write('meso: this start-up snapshot belongs to a meso that is gone; run meso again\n');
      process.exit(14);
    }
    // meso's code runs: bin/launch.sh's marker for this run can go (one left behind means node died first)
    try {
      unlinkSync(`${process.env.MESO_SNAPSHOT}.run-${process.pid}`);
    } catch {
      // started without the launcher
    }
  } else {
    // dist/meso.blob may have been built in another folder: find the package from the blob's own path
    const blob = process.execArgv[process.execArgv.indexOf('--snapshot-blob') + 1];
    if (blob) setPackageRoot(path.resolve(path.dirname(path.resolve(blob)), '..'));
  }
  void runProcess([process.execPath, 'meso', ...process.argv.slice(1)]);
});
