import type { Item } from '../types.js';

/** A facet value with how many items carry it (and, for countries, how many as their primary country). */
export interface FacetCount {
  value: string;
  count: number;
  primary: number;
}

/** Counts items per country or topic, most first, ties by name. */
export function countFacet(items: Item[], facet: 'countries' | 'topics'): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const item of items) {
    for (const v of item[facet]) {
      const c = counts.get(v) ?? { value: v, count: 0, primary: 0 };
      c.count++;
      if (facet === 'countries' && item.primaryCountry === v) c.primary++;
      counts.set(v, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
