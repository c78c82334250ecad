// Prints meso's figures on the tuned sets beside the held-back sets (tests/heldout, tests/heldout2), as markdown tables:
// parsing (title precision and recall, listed dates, primary country) and search (nDCG@10, recall@20, precision@20).
//   npm run eval
// The work is in tests/evaluate/compareHeldOut.ts, imported through importTs.mjs.
import { withTsModule } from './importTs.mjs';

await withTsModule('tests/evaluate/compareHeldOut.ts', ({ parsingTable, rankingTable }) =>
  process.stdout.write(`## Parsing\n\n${parsingTable()}\n\n## Search\n\n${rankingTable()}\n`),
);
