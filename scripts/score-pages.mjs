// Scores how meso reads a folder of pages against the items they should give, and prints the figures as a table.
//
//   npm run score:pages -- tests/fixtures/layouts          a folder of pages/NAME.txt and expected/NAME.json
//   npm run score:pages -- data/pages --labels tests/fixtures/labels.json   pages scored against one label list
//   add --json for the figures as JSON, --brief for the table alone
//
// The scoring code is tests/parse/scoreLayouts.ts (the same the fixture test uses), imported through importTs.mjs.
import path from 'node:path';
import { withTsModule } from './importTs.mjs';

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
await withTsModule('tests/parse/scoreLayouts.ts', (score) => {
  const dir = path.resolve(args[0]);
  const pages = labels ? score.readLabelledFolder(dir, path.resolve(labels)) : score.readExpectedFolder(dir);
  const { scores, total } = score.scoreFolder(pages);
  process.stdout.write(
    json ? `${JSON.stringify({ total, pages: scores }, null, 2)}\n` : score.renderScores(scores, !brief),
  );
});
