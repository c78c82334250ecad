// Bundles src/cli.ts into one ESM file, dist/meso.js, so start-up pays for one module parse.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const mini = JSON.parse(readFileSync(new URL('../node_modules/minisearch/package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/meso.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    __MESO_VERSION__: JSON.stringify(pkg.version),
    __MINISEARCH_VERSION__: JSON.stringify(mini.version),
  },
  // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports.
  banner: { js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);" },
});
