// Prints meso's figures on the tuned sets beside the held-back set (tests/heldout), as markdown tables:
// parsing (title precision and recall, listed dates, primary country) and search (nDCG@10, recall@20).
//   npm run eval
// tests/evaluate/compareHeldOut.ts does the work; esbuild bundles it beside this script for the run (so it
// reads the data tables from this checkout) and removes the bundle afterwards.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, `.evaluate-${process.pid}.mjs`);
try {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    packages: 'external',
    define: { __MESO_VERSION__: '"evaluate"', __MINISEARCH_VERSION__: '"evaluate"' },
    entryPoints: [path.join(here, '..', 'tests', 'evaluate', 'compareHeldOut.ts')],
    outfile,
  });
  const { parsingTable, rankingTable } = await import(pathToFileURL(outfile).href);
  process.stdout.write(`## Parsing\n\n${parsingTable()}\n\n## Search\n\n${rankingTable()}\n`);
} finally {
  rmSync(outfile, { force: true });
}
