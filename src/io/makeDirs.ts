import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p`: makes a folder and the missing folders above it. Not mkdirSync's `recursive`, which on Node 20
 * loops for ever where a folder's parent exists but the folder cannot be made and mkdir says it is missing
 * (ENOENT), as under /proc. Here each level is tried once: the error of the folder that cannot be made is thrown.
 */
export function makeDirs(dir: string): void {
  try {
    makeDir(dir);
  } catch (e) {
    const parent = dirname(dir);
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw e;
    makeDirs(parent);
    makeDir(dir);
  }
}

/** Makes one folder; one that is there already (made by another process, perhaps) is fine, a file is not. */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(dir).isDirectory()) throw e;
  }
}
