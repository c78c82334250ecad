import { fileURLToPath } from 'node:url';
import path from 'node:path';

let root: string | undefined;

/**
 * The installed package's root folder. Both src/paths.ts (tests) and dist/meso.js (the bundle) sit one folder
 * below it. A process started from the start-up snapshot sets it with {@link setPackageRoot}, because the
 * snapshot was built elsewhere. Resolved on first use, never at import.
 */
export function packageRoot(): string {
  root ??= fileURLToPath(new URL('..', import.meta.url));
  return root;
}

export function setPackageRoot(dir: string): void {
  root = dir;
}

/** The bundled data: pages, gazetteer and topic taxonomy. */
export const bundledDataDir = () => path.join(packageRoot(), 'data');
export const bundledPagesDir = () => path.join(packageRoot(), 'data', 'pages');
