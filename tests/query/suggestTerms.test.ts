import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { bundledPagesDir } from '../../src/paths.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { suggestTerms } from '../../src/query/suggestTerms.js';
import { buildIndex } from '../../src/indexing/termIndex.js';
import { makeItem } from '../helpers/makeItem.js';

describe('suggestTerms on the bundled pages', () => {
  const index = loadCorpus({ paths: [bundledPagesDir()] }).index();
  const hint = (q: string) => suggestTerms(index, parseQuery(q));

  it('suggests the closest word for a typo, even three edits away in a long word', () => {
    expect(hint('trafikcing')).toBe(' — did you mean "trafficking"?');
    expect(hint('retrun migrants')).toBe(' — did you mean "return migrants"?');
  });

  it('completes a word that only begins corpus words', () => {
    expect(hint('traffic')).toBe(' — did you mean "trafficking"?');
  });

  it('prefers fewer edits to a more common word', () => {
    // "been" is common but two edits from "peten"; nothing is one edit away, so nothing is offered
    expect(hint('peten')).toBe('');
  });

  it('offers nothing for words that match, words under three letters, or words far from any', () => {
    expect(hint('trafficking')).toBe('');
    expect(hint('a(b')).toBe('');
    expect(hint('zzqxw')).toBe('');
  });

  it('lists only the changed words for a long query', () => {
    const long = 'return migrants children women health border government workshop trafikcing';
    expect(hint(long)).toBe(' — did you mean "trafficking" for "trafikcing"?');
  });
});

describe('suggestTerms on ties', () => {
  // Regression: words as near and as frequent as each other were taken in the order MiniSearch's term tree
  // listed them, which differs between a whole index and one loaded with a query's terms only
  it('takes the first in alphabetical order, whatever order the items came in', () => {
    const titles = ['cards', 'carte', 'cardio'];
    for (const order of [titles, [...titles].reverse()]) {
      const index = buildIndex(order.map((title) => makeItem(null, { title })));
      expect(suggestTerms(index, parseQuery('carts'))).toBe(' — did you mean "cards"?');
    }
  });
});
