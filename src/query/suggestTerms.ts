import type MiniSearch from 'minisearch';
import type { IndexDoc } from '../indexing/buildIndex.js';
import { FIELDS, isStemTerm } from '../indexing/buildIndex.js';
import type { Query } from './parseQuery.js';

/**
 * " — did you mean …?" for the query words that match nothing: the closest corpus words within two edits
 * (MiniSearch's fuzzy auto-suggest), or "" when there is nothing to suggest.
 */
export function suggestTerms(index: MiniSearch<IndexDoc>, query: Query): string {
  const fixes: string[] = [];
  let changed = false;
  for (const c of query.include) {
    const words = c.terms.map((t) => {
      if (index.search(t, { fields: FIELDS, prefix: c.prefix, fuzzy: false }).length > 0) return t;
      const hits = index.search(t, { fields: FIELDS, fuzzy: 2, maxFuzzy: 2 });
      const counts = new Map<string, number>();
      for (const h of hits) for (const term of h.terms) if (term !== t && !isStemTerm(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0];
      if (best) changed = true;
      return best ?? t;
    });
    fixes.push(words.join(' '));
  }
  return changed ? ` — did you mean "${fixes.join(' ')}"?` : '';
}
