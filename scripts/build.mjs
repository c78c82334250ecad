// Builds meso:
//   dist/meso.cjs    the entry, from src/main.ts, which bin/meso.js requires: it answers --version and help into a
//                    pipe itself, and loads one of the two bundles below for everything else
//   dist/run.cjs     the rest of meso (commander, the commands, loading, search), from src/runProcess.ts: one
//                    CommonJS file, which the entry compiles with a V8 code cache kept in the user's cache folder
//                    (src/io/codeCache.ts); its SHA-1 is built into the entry to name and check that cache
//   dist/help.cjs    the same without what the commands do: commander and the commands' definitions, for help
//                    on a terminal (which commander wraps to its width); a code cache of its own
//   dist/tables.jsonl   the gazetteer and taxonomy of data/ compiled, read by getEnrichers while data/ is unchanged
//   dist/expansions.txt  the thesaurus, acronyms and country names keyed for query expansion (stemmed by this
//                    build), read line by line by loadExpansions while data/ is unchanged
//   dist/meso.1      the man page (package.json "man"), from the same commander program as --help
//   dist/help.json   that program's help texts as it prints them into a pipe, which dist/meso.cjs prints itself
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lazyImports } from './lazyImports.mjs';

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

const define = {
  __MESO_VERSION__: JSON.stringify(pkg.version),
  __MINISEARCH_VERSION__: JSON.stringify(mini.version),
};

/**
 * meso runs as CommonJS: Node 20 can keep V8's compiled code between runs only for a script it compiles itself
 * (vm.Script's cachedData), never for an ES module; and a CommonJS entry spares Node its ES module loader. The
 * sources' `import.meta.url` is the file's URL, made from __filename when first read (a run that reads none makes
 * no URL: the first costs about a quarter of a millisecond), and __MESO_DIRNAME__ the file's folder (src/paths.ts).
 */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.env.MESO_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: { ...define, 'import.meta.url': '__meso.url', __MESO_DIRNAME__: '__dirname' },
  // Node 20 has every Unicode property escape (since Node 10); esbuild's table doubts some (\p{Lu}, \p{M}) and
  // would write those literals as `new RegExp(...)`, built (parsed, the property's ranges looked up) when their
  // module loads, in every run, parser's modules included: a literal is compiled on first use
  supported: { 'regexp-unicode-property-escapes': true },
  banner: { js: "var __meso = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  plugins: [lazyChildProcess, lazyImports],
};

/** JavaScript with every UTF-16 unit beyond ASCII written as a \u escape. */
function asciiOnly(code) {
  // (an escaped character, `\é`, would become `\\u00e9`, something else: esbuild writes none, and is held to it)
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error('dist/run.cjs: a backslash before a character beyond ASCII');
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

mkdirSync('dist', { recursive: true });
// the bundles of the last build (of this or an earlier layout), and a build helper a failed build left behind
for (const f of readdirSync('dist', { withFileTypes: true }).filter((f) => f.isFile() && /\.[cm]?js$/.test(f.name)))
  rmSync(`dist/${f.name}`);
rmSync('dist/expansions.v8', { force: true }); // the expansions' file before dist/expansions.txt
rmSync('dist/tables.v8', { force: true }); // the tables' file before dist/tables.jsonl

// Build-time helpers, bundled on their own (so nothing of main.ts runs) beside the bundle (so they find data/ as
// it does), imported, then removed: the tables compiled with the same code the bundle runs, the man page from
// the program --help describes, and the help texts themselves, which the entry prints into a pipe or a file.
const helper = path.resolve('dist', `build-helpers-${process.pid}.mjs`);
/** the flags that take a value before a command, for the entry (see commandWord in src/helpTopic.ts) */
let entryFlags;
/** Node's wrapper of a CommonJS module, as src/io/codeCache.ts writes it and looks for it */
let wrapBundle;
try {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    define,
    plugins: [lazyChildProcess],
    // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports
    banner: {
      js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);",
    },
    stdin: {
      contents: `export { compileEnrichers, serializeEnrichers, compiledTablesFile } from './src/enrich/getEnrichers.ts';
export { manPage, valueFlags } from './src/cli.ts';
export { helpTexts } from './src/helpTexts.ts';
export { serializeExpansions } from './src/query/loadExpansions.ts';
export { wrapModule } from './src/io/codeCache.ts';`,
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: helper,
  });
  const { compileEnrichers, serializeEnrichers, manPage, helpTexts, serializeExpansions, valueFlags, wrapModule } =
    await import(pathToFileURL(helper).href);
  entryFlags = valueFlags();
  wrapBundle = wrapModule;
  writeFileSync(new URL('../dist/tables.jsonl', import.meta.url), serializeEnrichers(compileEnrichers()));
  writeFileSync(new URL('../dist/expansions.txt', import.meta.url), serializeExpansions());
  writeFileSync(new URL('../dist/meso.1', import.meta.url), manPage());
  writeFileSync(new URL('../dist/help.json', import.meta.url), JSON.stringify(await helpTexts()));
} finally {
  rmSync(helper, { force: true });
}

/**
 * For dist/help.cjs: what a command does (src/commands/runX.ts, imported by makeXCommand.ts) becomes a stand-in
 * that throws, so the bundle holds commander and the commands' definitions, not the code that runs them.
 */
const withoutActions = {
  name: 'without-actions',
  setup(b) {
    b.onResolve({ filter: /^\.\/run[A-Z]\w*\.js$/ }, (args) =>
      /[\\/]src[\\/]commands[\\/]make\w+Command\.ts$/.test(args.importer)
        ? { path: args.path.slice(2, -3), namespace: 'without-actions' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'without-actions' }, (args) => ({
      contents: `export function ${args.path}() { throw new Error('${args.path} is not in dist/help.cjs'); }`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles `contents` (an entry's exports) into dist/NAME.cjs; returns the file's SHA-1, which names and checks
 * its code cache (src/main.ts). The file is ASCII: esbuild leaves the characters beyond ASCII of regular
 * expression literals as they are, written here as \u escapes (the same characters to JavaScript, in a string,
 * a regular expression or a template), so that it is read as a one-byte string (requireWithCodeCache), cheaper
 * to make and to parse than a two-byte one. The file holds the bundle wrapped as Node wraps a CommonJS module:
 * evaluated, it gives the module's function, which requireWithCodeCache calls (a plain `require` of it runs
 * nothing). __MESO_CODE_ID__ (what cached corpora were made by) is the SHA-1 of the
 * bundle, written in place of a stand-in.
 */
async function bundle(name, contents, plugins = []) {
  const CODE_ID = `meso-code-id-${'0'.repeat(27)}`;
  const result = await build({
    ...common,
    define: {
      ...common.define,
      __MESO_CODE_ID__: JSON.stringify(CODE_ID),
      __MESO_VALUE_FLAGS__: JSON.stringify(entryFlags),
    },
    plugins: [...common.plugins, ...plugins],
    stdin: { contents, resolveDir: '.', sourcefile: `${name}.ts`, loader: 'ts' },
    outfile: `dist/${name}.cjs`,
    write: false,
  });
  const built = asciiOnly(result.outputFiles[0].text);
  // written as Node's CommonJS wrapper function (module.wrap), which requireWithCodeCache compiles as it is: V8
  // would otherwise copy the 300 KB it wraps into one string again, every run
  const code = wrapBundle(built.replaceAll(CODE_ID, createHash('sha1').update(built).digest('hex')));
  writeFileSync(`dist/${name}.cjs`, code);
  return createHash('sha1').update(code).digest('hex');
}

// The rest of meso, one file: its dynamic imports (chalk, cli-table3…) run their modules' code only when reached.
const runId = await bundle(
  'run',
  `export { runProcess } from './src/runProcess.ts';
export { timingsLine, corpusBuilt } from './src/timings.ts';`,
);
// Help on a terminal (commander wraps it to the width): commander and the commands' definitions alone.
const helpId = await bundle('help', `export { runProcess } from './src/runProcess.ts';`, [withoutActions]);

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/meso.cjs',
  define: {
    ...common.define,
    __MESO_RUN_ID__: JSON.stringify(runId),
    __MESO_HELP_ID__: JSON.stringify(helpId),
    __MESO_VALUE_FLAGS__: JSON.stringify(entryFlags),
  },
});
if (!existsSync('dist/meso.cjs')) throw new Error('the build wrote no dist/meso.cjs');
