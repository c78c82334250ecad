import { distance } from 'fastest-levenshtein';
import type { SearchIndex } from '../indexing/termIndex.js';
import { FIELDS, isStemTerm } from '../indexing/buildIndex.js';
import type { Query } from './parseQuery.js';

/** How many edits a word of this length may be from a suggestion: 1 up to 5 letters, 2 up to 8, then 3. */
export const maxEdits = (term: string) => (term.length <= 5 ? 1 : term.length <= 8 ? 2 : 3);

/** Beyond this many query words, the hint lists only the words it would change. */
const WHOLE_QUERY_WORDS = 6;

/**
 * The corpus word closest to a query word that matches nothing: fewest edits first (a word the query word
 * begins, as "traffic" begins "trafficking", counts as one edit), then the word found in most items, then the
 * shorter, then the first in alphabetical order (so the index's inner order never decides). Words under three letters, and words that match, get no suggestion.
 */
function closestTerm(index: SearchIndex, term: string, prefix: boolean): string | undefined {
  if (term.length < 3 || index.search(term, { fields: FIELDS, prefix, fuzzy: false }).length > 0) return undefined;
  const found = new Map<string, { edits: number; items: number }>();
  const add = (hits: ReturnType<SearchIndex['search']>, edits: (t: string) => number) => {
    for (const h of hits) {
      for (const t of h.terms) {
        if (t === term || isStemTerm(t)) continue;
        const e = edits(t);
        const seen = found.get(t);
        if (!seen) found.set(t, { edits: e, items: 1 });
        else {
          seen.items++;
          seen.edits = Math.min(seen.edits, e);
        }
      }
    }
  };
  add(index.search(term, { fields: FIELDS, fuzzy: maxEdits(term), maxFuzzy: 3 }), (t) => distance(term, t));
  if (term.length >= 4)
    add(index.search(term, { fields: FIELDS, prefix: true }), (t) => (t.startsWith(term) ? 1 : distance(term, t)));
  const best = [...found.entries()]
    .filter(([t, f]) => f.edits <= maxEdits(term) && t.length >= 3)
    .sort(
      ([a, x], [b, y]) => x.edits - y.edits || y.items - x.items || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
    )[0];
  return best?.[0];
}

/**
 * " — did you mean …?" for the query words that match nothing (stop words aside): the query again with each such word replaced
 * by the closest corpus word, or for a long query only the words that change; "" when there is nothing to
 * suggest.
 */
export function suggestTerms(index: SearchIndex, query: Query): string {
  const changes: Array<[string, string]> = [];
  const clauses = query.include.map((c) =>
    c.terms
      .map((t) => {
        const fix = c.stop ? undefined : closestTerm(index, t, c.prefix);
        if (fix) changes.push([t, fix]);
        return fix ?? t;
      })
      .join(' '),
  );
  if (changes.length === 0) return '';
  const words = query.include.reduce((n, c) => n + c.terms.length, 0);
  if (words <= WHOLE_QUERY_WORDS) return ` — did you mean "${clauses.join(' ')}"?`;
  return ` — did you mean ${changes
    .slice(0, 5)
    .map(([from, to]) => `"${to}" for "${from}"`)
    .join(', ')}${changes.length > 5 ? ', …' : ''}?`;
}
