import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readExpectedFolder, scoreFolder, renderScores } from './scoreLayouts.js';

/** The tuning fixtures: pages of every kind the site publishes, each with its expected items in a sidecar. */
const dir = fileURLToPath(new URL('../fixtures/layouts/', import.meta.url));

describe('parsing the layout fixtures (tests/fixtures/layouts: pages and expected items)', () => {
  const pages = readExpectedFolder(dir);
  const { scores, total } = scoreFolder(pages);
  const report = renderScores(scores);

  it('has at least 30 fixture pages covering the six kinds in both languages', () => {
    expect(existsSync(dir)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(pages.map((p) => p.kind));
    for (const k of ['title-date-summary', 'undated-blank', 'tag-listing', 'article', 'furniture'])
      expect(kinds, k).toContain(k);
    expect(new Set(pages.map((p) => p.language))).toEqual(new Set(['en', 'es']));
  });

  it('finds the expected items with precision and recall of at least 0.98', () => {
    expect(total.precision, report).toBeGreaterThanOrEqual(0.98);
    expect(total.recall, report).toBeGreaterThanOrEqual(0.98);
  });

  it('gives at least 0.98 of the found items their listed date', () => {
    expect(total.dateAccuracy, report).toBeGreaterThanOrEqual(0.98);
  });

  it('never makes an item of page furniture (links, markers, breadcrumbs, headings)', () => {
    expect(total.furnitureItems, report).toBe(0);
  });

  it('picks the expected primary country for at least 0.85 of the found items', () => {
    expect(total.primaryAccuracy, report).toBeGreaterThanOrEqual(0.85);
  });
});
