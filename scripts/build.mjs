// Builds meso:
//   dist/meso.js     the entry bundle of src/main.ts, which bin/meso.js imports; it loads the chunks beside it
//                    (dist/*-HASH.js) only when a command needs them
//   dist/tables.v8   the gazetteer and taxonomy of data/ compiled, read by getEnrichers while data/ is unchanged
//   dist/expansions.v8  the thesaurus, acronyms and country names filed for query expansion, read by
//                    loadExpansions while data/ is unchanged
//   dist/meso.1      the man page (package.json "man"), from the same commander program as --help
//   dist/help.json   that program's help texts as it prints them into a pipe, which dist/meso.js prints itself
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const mini = JSON.parse(readFileSync(new URL('../node_modules/minisearch/package.json', import.meta.url), 'utf8'));

/**
 * commander requires node:child_process when it is loaded, for subcommands that are separate executables (meso
 * has none): give it a stand-in that loads child_process only if spawn is ever called, so no run pays for
 * loading it (and net, dgram and the streams it brings) just to parse its flags.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * Imports of Node's built-in modules (`import { readFileSync } from 'node:fs'`, meso's and chalk's) become require calls
 * through the bundle's require (the banner below). Node 20 builds an ES module facade for a built-in the first
 * time one is imported, and reads every export to do it: for node:fs that loads its streams, for node:crypto its
 * webcrypto, some milliseconds of every run each; require hands over the module as it is.
 */
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      // (not in the entry, src/main.ts: --version loads no module but it, and help imports node:fs when it needs it)
      args.namespace === 'require-builtins' || /[\\/]src[\\/]main\.ts$/.test(args.importer)
        ? undefined
        : { path: args.path, namespace: 'require-builtins' },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-builtins' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

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
  plugins: [lazyChildProcess, requireBuiltins],
  // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports.
  banner: {
    js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);",
  },
};

if (existsSync('dist'))
  // the chunks of the last build, and a build helper a failed build left behind
  for (const f of readdirSync('dist', { withFileTypes: true }).filter((f) => f.isFile() && /\.m?js$/.test(f.name)))
    rmSync(`dist/${f.name}`);

// Build-time helpers, bundled on their own (so nothing of main.ts runs) beside the bundle (so they find data/ as
// it does), imported, then removed: the tables compiled with the same code the bundle runs, the man page from
// the program --help describes, and the help texts themselves, which the entry prints into a pipe or a file.
const helper = path.resolve('dist', `build-helpers-${process.pid}.mjs`);
try {
  await build({
    ...common,
    minify: false,
    stdin: {
      contents: `export { compileEnrichers, serializeEnrichers, compiledTablesFile } from './src/enrich/getEnrichers.ts';
export { manPage } from './src/cli.ts';
export { helpTexts } from './src/helpTexts.ts';
export { serializeExpansions } from './src/query/loadExpansions.ts';`,
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: helper,
  });
  const { compileEnrichers, serializeEnrichers, manPage, helpTexts, serializeExpansions } = await import(
    pathToFileURL(helper).href
  );
  writeFileSync(new URL('../dist/tables.v8', import.meta.url), serializeEnrichers(compileEnrichers()));
  writeFileSync(new URL('../dist/expansions.v8', import.meta.url), serializeExpansions());
  writeFileSync(new URL('../dist/meso.1', import.meta.url), manPage());
  writeFileSync(new URL('../dist/help.json', import.meta.url), JSON.stringify(await helpTexts()));
} finally {
  rmSync(helper, { force: true });
}

// Split at dynamic imports: dist/meso.js loads the chunk of the rest only when a command needs it.
await build({
  ...common,
  entryPoints: { meso: 'src/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: '[name]-[hash]',
});
