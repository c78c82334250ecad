// Builds meso:
//   dist/meso.js     one ESM bundle of src/main.ts, which bin/meso.js imports
//   dist/tables.v8   the gazetteer and taxonomy of data/ compiled, read by getEnrichers while data/ is unchanged
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

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

// Split at dynamic imports: dist/meso.js loads the chunk of the rest only when a command needs it.
if (existsSync('dist'))
  for (const f of readdirSync('dist', { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.js')))
    rmSync(`dist/${f.name}`);
await build({
  ...common,
  entryPoints: { meso: 'src/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: '[name]-[hash]',
});

// Compile the tables with the same code the bundle runs, in a throwaway bundle beside it.
const compiler = 'dist/compile-tables.mjs';
await build({
  ...common,
  stdin: {
    contents: `import { writeFileSync } from 'node:fs';
import { compileEnrichers, serializeEnrichers, compiledTablesFile } from './src/enrich/getEnrichers.ts';
writeFileSync(compiledTablesFile(), serializeEnrichers(compileEnrichers()));`,
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: compiler,
});
try {
  execFileSync(process.execPath, [compiler], { stdio: 'inherit' });
} finally {
  rmSync(compiler, { force: true });
}
