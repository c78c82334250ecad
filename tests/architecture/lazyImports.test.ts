import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runMeso.js';

// The build turns the imports scripts/lazyImports.mjs lists into stand-ins that require the module when one of
// its functions is first called. The sources, which the other tests run, import as usual: only the bundle has
// the stand-ins, so an entry naming an import no source makes, or a function the module lacks, would pass every
// other test and fail (or do nothing) in the bundle alone.

type Entry = { importer: string; path: string; names: string[] };
const table = (await import(pathToFileURL(path.join(ROOT, 'scripts/lazyImports.mjs')).href)) as {
  LAZY_IMPORTS: Entry[];
};

/** The TypeScript files an entry's importer names: one file, or every file under a folder. */
function importers(importer: string): string[] {
  const at = path.join(ROOT, importer);
  if (importer.endsWith('.ts')) return [at];
  return readdirSync(at, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(at, f));
}

describe('the lazy imports of the build', () => {
  it.each(table.LAZY_IMPORTS.map((e) => [`${e.importer} → ${e.path}`, e] as const))(
    '%s: an import the importer makes, of functions the module has',
    async (_, entry) => {
      const files = importers(entry.importer).filter((f) => readFileSync(f, 'utf8').includes(`from '${entry.path}'`));
      expect(files.length, `no file of ${entry.importer} imports ${entry.path}`).toBeGreaterThan(0);
      const specifier = entry.path.startsWith('.')
        ? pathToFileURL(path.resolve(path.dirname(files[0]!), entry.path.replace(/\.js$/, '.ts'))).href
        : entry.path;
      const real = (await import(specifier)) as Record<string, unknown>;
      for (const name of entry.names) {
        const [owner, method] = name.split('.') as [string, string | undefined];
        const value = method ? (real[owner] as Record<string, unknown> | undefined)?.[method] : real[name];
        expect(typeof value, `${entry.path} has no function ${name}`).toBe('function');
      }
    },
  );
});
