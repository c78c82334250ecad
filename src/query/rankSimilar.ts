import type { Corpus } from '../load/loadCorpus.js';
import type { Item } from '../types.js';
import type { Ranked } from './searchItems.js';
import { salientTerms, similarItems, similarTerms } from './similarItems.js';

/**
 * The items most like `item` in a corpus, as `meso similar` ranks them: its salient terms are picked with the
 * index's term list and postings, and only their postings are loaded.
 */
export function rankSimilar(
  corpus: Pick<Corpus, 'index' | 'lookup' | 'byId' | 'items'>,
  item: Item,
  allow?: (item: Item) => boolean,
): Ranked[] {
  const terms = salientTerms(item, corpus.lookup(), corpus.items.length);
  const index = corpus.index(() => similarTerms(terms));
  return similarItems(index, corpus.byId, item, terms, allow);
}
