import type { Item } from '../types.js';
import { FIELDS, fieldText, stemQueries } from '../indexing/buildIndex.js';
import type { SearchIndex, TermLookup } from '../indexing/termIndex.js';
import { tokenize } from '../text/tokenize.js';
import { isStopWord } from '../text/stopWords.js';
import { compareItems } from '../load/compareItems.js';
import { probeRunner, type MatchInfo, type Ranked, type ScorePart } from './searchItems.js';
import type { Probe } from './planQuery.js';

/** How `meso similar` weighs what two items share. */
export const SIMILAR = {
  /** salient terms of the item searched for */
  terms: 15,
  /** share of the similarity from shared terms; the rest from shared countries and topics */
  textShare: 0.7,
};

/**
 * The salient terms of an item: its words (stop words, numbers and short words aside) by tf-idf, among those at
 * least one other item has, strongest first, with their weights (the strongest 1).
 */
export function salientTerms(item: Item, lookup: TermLookup, documentCount: number): Array<[string, number]> {
  const tf = new Map<string, number>();
  for (const f of FIELDS)
    for (const t of tokenize(fieldText(item, f), false))
      if (t.length >= 3 && !/^\d+$/.test(t) && !isStopWord(t)) tf.set(t, (tf.get(t) ?? 0) + (f === 'title' ? 2 : 1));
  const scored: Array<[string, number]> = [];
  for (const [t, n] of tf) {
    const items = lookup.itemsNear(t, 0);
    if (items < 2) continue;
    scored.push([t, n * Math.log(documentCount / items)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, SIMILAR.terms).filter(([, w]) => w > 0);
  const max = top[0]?.[1] ?? 1;
  return top.map(([t, w]) => [t, w / max]);
}

/** The index terms similarItems searches for an item's salient terms: each term and its stems. */
export const similarTerms = (terms: Array<[string, number]>): string[] =>
  terms.flatMap(([t]) => [t, ...stemQueries(t)]);

/**
 * Items most like `item` ("more like this"): by the salient terms they share with it (BM25 of its strongest
 * terms, weighted by their tf-idf in the item, as a share of the item's own score), and by the countries and
 * topics they share (Jaccard overlap). The item itself is left out. Best first.
 */
export function similarItems(
  index: SearchIndex,
  byId: Map<string, Item>,
  item: Item,
  terms: Array<[string, number]>,
  allow: (item: Item) => boolean = () => true,
): Ranked[] {
  const run = probeRunner(index);
  const probes: Probe[] = terms.flatMap(([term, weight]) => [
    { how: 'exact', term, weight, fields: FIELDS },
    { how: 'stem', term, weight: weight * 0.7, stem: true, fields: FIELDS },
  ]);
  const textScore = (id: string) => probes.reduce((s, p) => s + (run(p).get(id)?.score ?? 0) * p.weight, 0);
  const self = textScore(item.id) || 1;
  const tags = (i: Item) => new Set([...i.countries.map((c) => `c:${c}`), ...i.topics.map((t) => `t:${t}`)]);
  const mine = tags(item);
  const candidates = new Set<string>();
  for (const p of probes) for (const id of run(p).keys()) candidates.add(id);
  for (const other of byId.values()) if (other.countries.concat(other.topics).length) candidates.add(other.id);
  const ranked: Ranked[] = [];
  for (const id of candidates) {
    const other = byId.get(id);
    if (!other || id === item.id || !allow(other)) continue;
    const theirs = tags(other);
    const shared = [...theirs].filter((t) => mine.has(t));
    const union = new Set([...mine, ...theirs]).size;
    const text = Math.min(1, textScore(id) / self);
    const score = SIMILAR.textShare * text + (1 - SIMILAR.textShare) * (union ? shared.length / union : 0);
    if (score <= 0) continue;
    const sharedTags: MatchInfo[] = shared.map((t) =>
      t.startsWith('c:')
        ? { term: t.slice(2), field: 'countries', how: 'country' }
        : { term: t.slice(2), field: 'topics', how: 'topic' },
    );
    const parts = (): ScorePart[] =>
      probes.flatMap((p) => {
        const h = run(p).get(id);
        if (!h) return [];
        return [
          {
            query: p.term,
            how: p.how,
            terms: Object.keys(h.match),
            fields: [...new Set(Object.values(h.match).flat())] as ScorePart['fields'],
            score: (SIMILAR.textShare * h.score * p.weight) / self,
          },
        ];
      });
    ranked.push({
      id: other.id,
      item: other,
      score,
      words: shared.length,
      of: mine.size,
      level: 0,
      terms: () => {
        const met = probes.flatMap((p) => {
          const h = run(p).get(id);
          return h ? Object.keys(h.match).map((t) => [t.replace(/^~/, ''), p.stem] as const) : [];
        });
        return [met.filter(([, s]) => !s).map(([t]) => t), met.filter(([, s]) => s).map(([t]) => t)];
      },
      tags: sharedTags,
      parts,
    });
  }
  return ranked.sort((a, b) => b.score - a.score || compareItems(a.item, b.item));
}
