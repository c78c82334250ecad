// The build's lazy imports (see LAZY_IMPORTS): a table and the esbuild plugin that reads it, apart from
// scripts/build.mjs so that a test can hold the table to the sources.
import path from 'node:path';

/**
 * Modules a warm run does not call, loaded only when a function of theirs first is: an import listed here, from
 * the importer named, becomes a stand-in whose functions require the module (which esbuild then initialises
 * lazily, as it does a module that is required). A search on a cached corpus thus never makes the page parser's
 * and the enrichers' expressions and tables (about 2 ms: expressions with \p{…} classes take a fraction of a
 * millisecond each to make), nor fastest-levenshtein's 256 KB table, nor MiniSearch's (a warm search reads its
 * postings itself: see src/indexing/postingsIndex.ts). Only functions can be listed (`default.loadJS`: a function
 * of the default export): a stand-in has no classes or values. The sources import as usual, which tests run;
 * tests/architecture/lazyImports.test.ts holds each entry to an import its importer makes and to functions the
 * module has. A module that another, eager import also reaches gains nothing here: it is loaded anyway.
 */
export const LAZY_IMPORTS = [
  { importer: 'src/load/loadCorpus.ts', path: '../parse/parsePage.js', names: ['parsePage'] },
  { importer: 'src/load/loadCorpus.ts', path: '../parse/mergeItems.js', names: ['mergeItems'] },
  { importer: 'src/load/loadCorpus.ts', path: '../enrich/enrichItems.js', names: ['enrichItems'] },
  { importer: 'src/', path: 'fastest-levenshtein', names: ['distance', 'closest'] },
  { importer: 'src/indexing/termIndex.ts', path: 'minisearch', names: ['default.loadJS'] },
  // node:module takes a quarter of a millisecond to load: only runs that need a require of their own do
  { importer: 'src/', path: 'node:module', names: ['createRequire'] },
];

export const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.namespace !== 'file' || args.pluginData === 'lazy-imports') return undefined;
      const importer = path.relative('.', args.importer).split(path.sep).join('/');
      const lazy = LAZY_IMPORTS.find((l) => l.path === args.path && importer.startsWith(l.importer));
      if (!lazy) return undefined;
      const real = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'lazy-imports',
      });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-imports', pluginData: lazy.names };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-imports' }, (args) => ({
      contents: args.pluginData
        .map((name) => {
          const real = `require(${JSON.stringify(args.path)}).${name}`;
          const [owner, method] = name.split('.');
          // a function's stand-in puts the real one in its place when first called (the bundle's importers
          // call the binding itself), so that a function called per term, as distance is, pays nothing after
          if (!method) return `export let ${name} = (...args) => (${name} = ${real})(...args);`;
          const call = `(...args) { return ${real}(...args); }`;
          return `export ${owner === 'default' ? 'default' : `const ${owner} =`} { ${method}${call} };`;
        })
        .join('\n'),
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};
