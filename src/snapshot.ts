import v8 from 'node:v8';
import path from 'node:path';
import { runProcess } from './runProcess.js';
import { setPackageRoot } from './paths.js';
import { getEnrichers } from './corpus.js';
import { preloadBundledCorpus } from './indexing/preload.js';

/**
 * The entry of dist/meso.blob (built by scripts/build.mjs), the V8 start-up snapshot that bin/launch.sh starts
 * with `node --snapshot-blob … -- …`: the code, the compiled gazetteer and taxonomy, and the bundled pages
 * parsed, enriched and indexed, all in the heap before the first keystroke.
 */
getEnrichers();
preloadBundledCorpus();

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // dist/meso.blob may have been built in another folder: find the package from the blob's own path
  const blob = process.execArgv[process.execArgv.indexOf('--snapshot-blob') + 1];
  if (blob) setPackageRoot(path.resolve(path.dirname(path.resolve(blob)), '..'));
  void runProcess([process.execPath, 'meso', ...process.argv.slice(1)]);
});
