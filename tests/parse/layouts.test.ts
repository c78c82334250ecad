import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readExpectedFolder, scoreFolder, renderScores } from './scoreLayouts.js';

/**
 * The fixture sets, each a folder of pages of every kind the site publishes with their expected items in sidecars:
 * layouts/ (written with the parser), site2/, site3/ and site4/ (written from the issues' text alone, by people who had
 * not seen the parser). All must stay at 0.98 or better.
 */
const sets = [
  { name: 'layouts', minPages: 30 },
  { name: 'site2', minPages: 25 },
  { name: 'site3', minPages: 25 },
  // site4's writer named a host country as primary where a regional meeting or a group of nationals is the story
  // (see its README): 0.848 on the parser that read sites 2 and 3 at 0.94 and 0.90
  { name: 'site4', minPages: 25, minPrimary: 0.8 },
].map((s) => ({ ...s, dir: fileURLToPath(new URL(`../fixtures/${s.name}/`, import.meta.url)) }));

describe.each(sets)(
  'parsing the $name fixtures (tests/fixtures/$name: pages and expected items)',
  ({ dir, minPages, minPrimary = 0.85 }) => {
    const pages = readExpectedFolder(dir);
    const { scores, total } = scoreFolder(pages);
    const report = renderScores(scores);

    it('has enough fixture pages, covering the six kinds in both languages', () => {
      expect(existsSync(dir)).toBe(true);
      expect(pages.length).toBeGreaterThanOrEqual(minPages);
      const kinds = new Set(pages.map((p) => p.kind));
      for (const k of ['title-date-summary', 'undated-blank', 'tag-listing', 'article', 'furniture'])
        expect(kinds, k).toContain(k);
      const languages = new Set(pages.map((p) => p.language));
      expect(languages).toContain('en');
      expect(languages).toContain('es');
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

    it(`picks the expected primary country for at least ${minPrimary} of the found items`, () => {
      expect(total.primaryAccuracy, report).toBeGreaterThanOrEqual(minPrimary);
    });
  },
);

/**
 * The pages helpers wrote in the thirteenth round to find where the parser fails (tests/fixtures/probe1, probe2;
 * see their READMEs): tuned on since, each held to what it reads now, so that a later change cannot lose it
 * unseen. probe2 still has its known gaps (one-line archive entries, a heading over a paragraph).
 */
describe.each([
  { name: 'probe1', precision: 1, recall: 1, dates: 1 },
  { name: 'probe2', precision: 0.92, recall: 0.86, dates: 1 },
])('parsing the $name pages (tests/fixtures/$name)', ({ name, precision, recall, dates }) => {
  const { scores, total } = scoreFolder(
    readExpectedFolder(fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url))),
  );
  const report = renderScores(scores);
  it(`finds their items with precision ${precision} and recall ${recall} or better, and their dates`, () => {
    expect(total.pages).toBeGreaterThanOrEqual(10);
    expect(total.precision, report).toBeGreaterThanOrEqual(precision);
    expect(total.recall, report).toBeGreaterThanOrEqual(recall);
    expect(total.dateAccuracy, report).toBeGreaterThanOrEqual(dates);
  });
});
