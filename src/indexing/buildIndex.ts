import MiniSearch, { type Options } from 'minisearch';
import type { Item } from '../types.js';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../text/stem.js';

/** What the index holds per item: its id and the two texts; items themselves live once, in the corpus. */
export interface IndexDoc {
  id: string;
  title: string;
  summary: string;
}

/** Exact (folded) fields and their stemmed twins. */
export const EXACT_FIELDS = ['title', 'summary'];
export const STEM_FIELDS = ['titleStem', 'summaryStem'];

/**
 * The MiniSearch options meso indexes with. Text is folded (case, accents, quotes) by {@link tokenize};
 * the *Stem fields hold the same text stemmed, so a search can weigh an exact match above a stem match.
 * `INDEX_OPTIONS_KEY` names this configuration in the cache key: change it when these change.
 */
export const INDEX_OPTIONS: Options<IndexDoc> = {
  idField: 'id',
  fields: [...EXACT_FIELDS, ...STEM_FIELDS],
  storeFields: [],
  extractField: (doc, field) => (field.startsWith('title') ? doc.title : field.startsWith('summary') ? doc.summary : (doc as unknown as Record<string, string>)[field]!),
  tokenize: (text) => tokenizeOnce(text),
  processTerm: (term, field) => (field?.endsWith('Stem') ? stem(term) : term),
  searchOptions: { processTerm: (term) => term },
};
/** Each text is indexed twice (exact and stemmed): keep the last few tokenizations rather than redo them. */
const recent = new Map<string, string[]>();
function tokenizeOnce(text: string): string[] {
  let terms = recent.get(text);
  if (!terms) {
    terms = tokenize(text);
    if (recent.size >= 4) recent.delete(recent.keys().next().value!);
    recent.set(text, terms);
  }
  return terms;
}

export const INDEX_OPTIONS_KEY = 'fold1-stem1-fields4';

/** Builds the full-text index over the items' titles and summaries. */
export function buildIndex(items: Item[]): MiniSearch<IndexDoc> {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(items.map((i) => ({ id: i.id, title: i.title, summary: i.summary })));
  return index;
}

/** Restores an index saved with `JSON.stringify(index)`. */
export function loadIndex(json: string): MiniSearch<IndexDoc> {
  return MiniSearch.loadJSON<IndexDoc>(json, INDEX_OPTIONS);
}
