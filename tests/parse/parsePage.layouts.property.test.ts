import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parsePage } from '../../src/parse/parsePage.js';
import { isCountryListFor } from '../../src/enrich/isCountryList.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { arbitraryPage } from './pageBuilder.js';

const isCountryList = isCountryListFor(getEnrichers().gazetteer);

describe('parsePage on pages built from known items (properties)', () => {
  test.prop([arbitraryPage], { numRuns: 400 })(
    'a page written in any supported layout and style parses back to the items it was built from',
    ({ items, text }) => {
      const page = parsePage(text, 'built.txt', { isCountryList });
      expect(page.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
      expect(page.items.map((i) => i.date)).toEqual(items.map((i) => i.date));
      expect(page.items.map((i) => i.body ?? i.summary)).toEqual(items.map((i) => i.paragraphs.join('\n\n')));
      // furniture, markers and headings are notes, never warnings
      expect(page.diagnostics.filter((d) => d.level !== 'note')).toEqual([]);
    },
  );

  test.prop([arbitraryPage.filter((p) => p.layout === 'article')])(
    'an article page is one item whose summary is its first paragraph and whose tag line is a fact',
    ({ items, text, style }) => {
      const page = parsePage(text, 'built.txt', { isCountryList });
      expect(page.kind).toBe('article');
      expect(page.items).toHaveLength(1);
      expect(page.items[0]!.summary).toBe(items[0]!.paragraphs[0]);
      if (style.tagLine !== 'none') expect(page.items[0]!.facts?.tags?.length).toBeGreaterThan(0);
      else expect(page.items[0]!.facts?.tags).toBeUndefined();
    },
  );

  test.prop([
    arbitraryPage.filter((p) => ['dated-blocks', 'title-date-summary', 'date-last'].includes(p.layout)),
    fc.boolean(),
  ])('chooses the date order the page was written in', ({ layout, items, text }) => {
    const page = parsePage(text, 'built.txt', { isCountryList });
    const orders: Record<string, string> = {
      'dated-blocks': 'date-first',
      'title-date-summary': 'title-first',
      'date-last': 'date-last',
    };
    expect(page.order).toBe(orders[layout]);
    expect(page.items).toHaveLength(items.length);
  });
});
