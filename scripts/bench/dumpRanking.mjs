// @ts-check
// Writes evaluateRanking()'s figures and every row (tests/query/evaluateRanking.ts) of this checkout's source as
// JSON, so that two versions can be compared: `node scripts/bench/dumpRanking.mjs > /tmp/ranking-after.json`.
import { withTsModule } from '../importTs.mjs';

await withTsModule('tests/query/evaluateRanking.ts', (m) => {
  const { rows, queries, meso } = m.evaluateRanking();
  process.stdout.write(`${JSON.stringify({ queries, meso, rows }, null, 1)}\n`);
});
