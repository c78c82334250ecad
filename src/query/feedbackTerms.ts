import type { TermLookup } from '../indexing/termIndex.js';
import { FIELDS } from '../indexing/buildIndex.js';
import { fieldText } from '../indexing/buildIndex.js';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopWords.js';
import type { Plan, Unit } from './planQuery.js';
import type { Ranked } from './searchItems.js';

/** How pseudo-relevance feedback reads the first hits. */
export const FEEDBACK = {
  /**
   * a query with fewer hits matching all its words than this gets feedback: a question's words are rarely all
   * in more than a few items
   */
  fewStrongHits: 5,
  /** hits read */
  docs: 3,
  /** terms added: enough to meet the items that say the same thing in other words */
  terms: 10,
  /** weight of the strongest added term, relative to an exact match of a query word */
  weight: 0.15,
  /** a term in more than this share of the items tells little */
  maxShare: 0.1,
};

/**
 * Pseudo-relevance feedback (after RM3, Lavrenko and Croft's relevance model): the terms that stand out in the
 * first hits of a query with few strong hits, as units of low weight that count for no query word. A term's
 * weight is its share of each hit's words, weighted by the hit's score, times its inverse item frequency;
 * terms already in the query (by stem), stop words, numbers, short words and terms found in only one item or
 * in too many are left out. Returns [] when the query has enough strong hits.
 */
export function feedbackTerms(
  ranked: readonly Ranked[],
  plan: Plan,
  lookup: TermLookup,
  documentCount: number,
): Unit[] {
  if (!ranked.length || ranked[0]!.words === 0) return [];
  const strong = ranked.filter((r) => r.words === r.of).length;
  if (strong >= FEEDBACK.fewStrongHits) return [];
  const top = ranked.slice(0, FEEDBACK.docs);
  const queryStems = new Set(plan.query.include.flatMap((c) => c.terms.map(stem)));
  const maxScore = top[0]!.score || 1;
  const weight = new Map<string, number>();
  for (const r of top) {
    const terms = FIELDS.flatMap((f) => tokenize(fieldText(r.item, f), false));
    for (const t of terms) {
      if (t.length < 4 || /\d/.test(t) || isStopWord(t) || queryStems.has(stem(t))) continue;
      weight.set(t, (weight.get(t) ?? 0) + r.score / maxScore / terms.length);
    }
  }
  const scored: Array<[string, number]> = [];
  for (const [t, w] of weight) {
    const items = lookup.itemsNear(t, 0);
    if (items < 2 || items > Math.max(2, FEEDBACK.maxShare * documentCount)) continue;
    scored.push([t, w * Math.log(1 + documentCount / items)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen = scored.slice(0, FEEDBACK.terms);
  const max = chosen[0]?.[1] ?? 1;
  return chosen.map(([term, w]) => {
    const weight = (FEEDBACK.weight * w) / max;
    return {
      covers: [],
      how: 'feedback',
      label: term,
      words: [
        [
          { how: 'feedback', term, weight, fields: FIELDS },
          { how: 'feedback', term, weight: weight * 0.7, stem: true, fields: FIELDS },
        ],
      ],
    };
  });
}
