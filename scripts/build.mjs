// Builds meso:
//   dist/meso.js     one ESM bundle of src/main.ts: what `node bin/meso.js` runs, and the fallback
//   dist/meso.blob   a V8 start-up snapshot of src/snapshot.ts (code, compiled tables, bundled corpus),
//                    which bin/meso.js starts with `node --snapshot-blob` when this same node built it
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

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
};

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/meso.js',
  format: 'esm',
  // commander and cli-table3 are CommonJS: give the ESM bundle a require for their built-in imports.
  banner: {
    js: "import { createRequire as __mesoRequire } from 'node:module'; const require = __mesoRequire(import.meta.url);",
  },
});

// The snapshot entry must be one CommonJS script; import.meta.url becomes this file's URL.
await build({
  ...common,
  entryPoints: ['src/snapshot.ts'],
  outfile: 'dist/snapshot.cjs',
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__mesoImportMetaUrl' },
  banner: { js: "var __mesoImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The snapshot only loads in the node binary that built it: record which one, for bin/meso.js to compare.
rmSync('dist/meso.blob', { force: true });
rmSync('dist/meso.blob.node', { force: true });
try {
  // V8 flags must be the same when the snapshot is built and run: bin/meso.js passes the same ones.
  execFileSync(
    process.execPath,
    ['--max-semi-space-size=32', '--snapshot-blob', 'dist/meso.blob', '--build-snapshot', 'dist/snapshot.cjs'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // bin/launch.sh reads: the node that built it, its version, and its size (an upgrade in place changes it)
  writeFileSync('dist/meso.blob.node', `${process.execPath}\n${process.version}\n${statSync(process.execPath).size}\n`);
} catch (e) {
  rmSync('dist/meso.blob', { force: true });
  console.warn(
    `meso build: no start-up snapshot (${
      String(e.stderr ?? e.message)
        .trim()
        .split('\n')[0]
    }); meso runs without it, only slower to start`,
  );
}
