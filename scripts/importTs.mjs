// @ts-check
// Imports a TypeScript module of this checkout from a plain Node script: esbuild bundles it beside this file
// (one folder below the package root, as dist/ is, so it finds data/ as the bundle does; packages stay
// external), the bundle is imported, and removed once `use` is done with it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @template T
 * @param {string} entry the module, relative to the package root (e.g. 'tests/parse/scoreLayouts.ts')
 * @param {(module: any) => T | Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withTsModule(entry, use) {
  const outfile = path.join(here, `.import-${process.pid}-${path.basename(entry, '.ts')}.mjs`);
  try {
    await build({
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      packages: 'external',
      define: { __MESO_VERSION__: '"script"', __MINISEARCH_VERSION__: '"script"' },
      entryPoints: [path.join(here, '..', entry)],
      outfile,
    });
    return await use(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(outfile, { force: true });
  }
}
