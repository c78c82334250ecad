import { describe, expect, it } from 'vitest';
import labels from '../fixtures/labels.json' with { type: 'json' };
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { bundledPagesDir } from '../../src/paths.js';
import { normalizeText } from '../../src/text/normalizeText.js';

interface Label {
  title: string;
  countries: string[];
  primaryCountry: string | null;
  topics: string[];
}

/** Micro-averaged precision and recall of predicted sets against gold sets. */
function score(pairs: Array<[string[], string[]]>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [pred, gold] of pairs) {
    tp += pred.filter((p) => gold.includes(p)).length;
    fp += pred.filter((p) => !gold.includes(p)).length;
    fn += gold.filter((g) => !pred.includes(g)).length;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('the enrichers against the hand labels of the 50 bundled items', () => {
  const corpus = loadCorpus({ paths: [bundledPagesDir()] });
  const byTitle = new Map(corpus.items.map((i) => [i.title, i]));
  const gold = labels as Label[];
  const pairs = gold.map((l) => ({ label: l, item: byTitle.get(normalizeText(l.title)) }));

  it('has a label for every item', () => {
    expect(gold).toHaveLength(50);
    expect(pairs.filter((p) => !p.item).map((p) => p.label.title)).toEqual([]);
  });

  it('finds countries with precision and recall of at least 0.95', () => {
    const s = score(pairs.map((p) => [p.item!.countries, p.label.countries]));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('tags topics with precision and recall of at least 0.85', () => {
    const s = score(pairs.map((p) => [p.item!.topics, p.label.topics]));
    expect(s.precision).toBeGreaterThanOrEqual(0.85);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('picks the labelled primary country (or none) for at least 85% of items', () => {
    const right = pairs.filter((p) => p.item!.primaryCountry === p.label.primaryCountry).length;
    expect(right / pairs.length).toBeGreaterThanOrEqual(0.85);
  });

  it('never lists the primary country anywhere but first', () => {
    for (const { item } of pairs) if (item!.primaryCountry) expect(item!.countries[0]).toBe(item!.primaryCountry);
  });
});
