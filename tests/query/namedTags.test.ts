import { describe, expect, it } from 'vitest';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { namedTags } from '../../src/query/namedTags.js';

describe('namedTags: the countries and topics a query names', () => {
  const { gazetteer, topics } = getEnrichers();
  const tags = (q: string) => namedTags(parseQuery(q), gazetteer, topics);

  it('reads a country from its English or Spanish name or its demonym', () => {
    expect(tags('guatemalteco').countries).toEqual(['Guatemala']);
    expect(tags('Costa Rica').countries).toEqual(['Costa Rica']);
  });

  it('does not take a place for its whole country (regression: "peten" gave every Guatemala item)', () => {
    expect(tags('peten').countries).toEqual([]);
    expect(tags('tapachula').countries).toEqual([]);
  });

  it('reads a topic from its id, its label or a Spanish pattern', () => {
    expect(tags('smuggling').topics).toContain('smuggling');
    expect(tags('trata de personas').topics).toContain('trafficking');
  });

  it('names nothing when a word of the query is not part of a name', () => {
    const named = tags('trafficking Honduras');
    expect({ ...named, clauseCountries: undefined }).toEqual({ topics: [], weakTopics: [], countries: [] });
  });
  it('still says which words name a country, for ranking: both words of a two-word name, a demonym', () => {
    expect([...tags('trafficking Honduras').clauseCountries!]).toEqual([[1, 'Honduras']]);
    expect([...tags('Haitian migrants in Costa Rica').clauseCountries!]).toEqual([
      [0, 'Haiti'],
      [3, 'Costa Rica'],
      [4, 'Costa Rica'],
    ]);
    expect(tags('shelters in Tapachula').clauseCountries!.size).toBe(0);
  });
});
