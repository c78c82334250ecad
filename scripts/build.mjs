// Builds meso: dist/meso.js, one ESM bundle of src/main.ts, which bin/meso.js imports.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const mini = JSON.parse(readFileSync(new URL('../node_modules/minisearch/package.json', import.meta.url), 'utf8'));

await build({
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
  entryPoints: ['src/main.ts'],
  outfile: 'dist/meso.js',
  format: 'esm',
  // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports.
  banner: {
    js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);",
  },
});
