// Builds meso: dist/meso.js, one ESM bundle of src/main.ts, which bin/meso.js imports.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const mini = JSON.parse(readFileSync(new URL('../node_modules/minisearch/package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: !process.env.MESO_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    __MESO_VERSION__: JSON.stringify(pkg.version),
    __MINISEARCH_VERSION__: JSON.stringify(mini.version),
  },
  format: 'esm',
  // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports.
  banner: {
    js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);",
  },
};

await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/meso.js' });

// The man page, dist/meso.1 (package.json "man"), from the same program as --help: src/cli.ts bundled on its own
// (without main.ts, so nothing runs), imported, and asked for the page.
const tmp = mkdtempSync(path.join(tmpdir(), 'meso-build-'));
try {
  const cli = path.join(tmp, 'cli.mjs');
  await build({ ...common, minify: false, entryPoints: ['src/cli.ts'], outfile: cli });
  const { manPage } = await import(pathToFileURL(cli).href);
  writeFileSync(new URL('../dist/meso.1', import.meta.url), manPage());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
