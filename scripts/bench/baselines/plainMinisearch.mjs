// @ts-check
// Peer: plain MiniSearch rebuilding its index on every run, then searching; prints the number of hits.
// Usage: node plainMinisearch.mjs <corpus dir> <query>
import MiniSearch from 'minisearch';
import { OPTIONS, readItems } from './readItems.mjs';

const [dir, query] = process.argv.slice(2);
if (!dir || !query) throw new Error('usage: node plainMinisearch.mjs <corpus dir> <query>');
const ms = new MiniSearch(OPTIONS);
ms.addAll(readItems(dir));
console.log(ms.search(query).length);
