// @ts-check
// Peer: plain MiniSearch saved as its own JSON once ("save"), then each run loads it with loadJSON and searches
// ("load"), printing the number of hits.
// Usage: node plainLoadJson.mjs save <corpus dir> <index file>
//        node plainLoadJson.mjs load <index file> <query>
import fs from 'node:fs';
import MiniSearch from 'minisearch';
import { OPTIONS, readItems } from './readItems.mjs';

const [mode, a, b] = process.argv.slice(2);
if (mode === 'save' && a && b) {
  const ms = new MiniSearch(OPTIONS);
  ms.addAll(readItems(a));
  fs.writeFileSync(b, JSON.stringify(ms));
} else if (mode === 'load' && a && b) {
  const ms = MiniSearch.loadJSON(fs.readFileSync(a, 'utf8'), OPTIONS);
  console.log(ms.search(b).length);
} else {
  throw new Error('usage: node plainLoadJson.mjs save <corpus dir> <index file> | load <index file> <query>');
}
