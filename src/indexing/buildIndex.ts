import type { Options } from 'minisearch';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../text/stem.js';

/**
 * The indexed fields of an item and how much a match in each counts: a title match counts more. The one list
 * to change to index another text field of the item (an absent field indexes as empty).
 */
export const FIELD_BOOST = { title: 2.5, summary: 1, body: 0.5 } as const;

/** An indexed field. */
export type Field = keyof typeof FIELD_BOOST;

/** The indexed fields, in the index's order. */
export const FIELDS = Object.keys(FIELD_BOOST) as Field[];

/** What the index holds per item: its id and its texts; items themselves live once, in the corpus. */
export type IndexDoc = { id: string } & Record<Field, string>;

/**
 * The text of a field of an item, '' when it has none. An article's `body` is its whole text and so starts with
 * its `summary` (the first paragraph): the body field holds only the rest, so no word is counted twice.
 */
export function fieldText(item: Partial<Record<Field, string | null>>, field: Field): string {
  const text = item[field] ?? '';
  if (field !== 'body' || !text) return text;
  const summary = item.summary ?? '';
  return summary && text.startsWith(summary) ? text.slice(summary.length) : text;
}

/**
 * A word whose stem differs from it is indexed twice in its field: as written (folded), and as its stem marked
 * with "~" ("returnees" → "returnees" and "~return"), so a search can weigh an exact match above a stem
 * match, and a prefix or an exact search never meets a stem. A word that is its own stem ("return") is
 * indexed once; a stem search asks for it as written too (see {@link stemQueries}).
 */
export const stemTerm = (term: string) => `~${stem(term)}`;
/** The index terms a stem search for `term` looks for. */
export const stemQueries = (term: string) => [stemTerm(term), stem(term)];
/** The terms a folded word is indexed as: itself, and its marked stem when that differs. */
export const indexTerms = (term: string): string | string[] => {
  const s = stem(term);
  return s === term ? term : [term, `~${s}`];
};
export const isStemTerm = (term: string) => term.startsWith('~');
/** An index term without its stem mark: the stem of a marked term, else the term. */
export const unmarked = (term: string) => (term.startsWith('~') ? term.slice(1) : term);

/**
 * The MiniSearch options meso indexes with: text folded (case, accents, quotes) by {@link tokenize}, each word
 * with its marked stem beside it. The index stores no fields: items live once, in the corpus.
 * `INDEX_OPTIONS_KEY` names this configuration in the cache key: change it when these change.
 */
export const INDEX_OPTIONS: Options<IndexDoc> = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  tokenize: (text) => tokenize(text),
  processTerm: indexTerms,
  // queries reach the index as single terms already folded (and stems already marked): keep them whole
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
};
export const INDEX_OPTIONS_KEY = `fold1-stem3-acronyms2-fields:${FIELDS.join(',')}`;
