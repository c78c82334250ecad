// Scores how meso reads a folder of pages against the items they should give, and prints the figures as a table.
//
//   npm run score:pages -- tests/fixtures/layouts          a folder of pages/NAME.txt and expected/NAME.json
//   npm run score:pages -- data/pages --labels tests/fixtures/labels.json   pages scored against one label list
//   add --json for the figures as JSON, --brief for the table alone
//
// The scoring code is tests/parse/scoreLayouts.ts (the same the fixture test uses); esbuild bundles it next to
// this script for the run, so it reads the data tables from this checkout, and removes the bundle afterwards.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const bool = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const labels = flag('--labels');
const json = bool('--json');
const brief = bool('--brief');
if (args.length !== 1) {
  process.stderr.write(
    'usage: npm run score:pages -- <dir with pages/ and expected/> [--json] [--brief]\n' +
      '       npm run score:pages -- <pages dir> --labels <labels.json> [--json] [--brief]\n',
  );
  process.exit(2);
}
const outfile = path.join(here, `.score-pages-${process.pid}.mjs`);
try {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    packages: 'external',
    define: { __MESO_VERSION__: '"score"', __MINISEARCH_VERSION__: '"score"' },
    entryPoints: [path.join(here, '..', 'tests', 'parse', 'scoreLayouts.ts')],
    outfile,
  });
  const score = await import(pathToFileURL(outfile).href);
  const dir = path.resolve(args[0]);
  const pages = labels ? score.readLabelledFolder(dir, path.resolve(labels)) : score.readExpectedFolder(dir);
  const { scores, total } = score.scoreFolder(pages);
  process.stdout.write(
    json ? `${JSON.stringify({ total, pages: scores }, null, 2)}\n` : score.renderScores(scores, !brief),
  );
} finally {
  rmSync(outfile, { force: true });
}
