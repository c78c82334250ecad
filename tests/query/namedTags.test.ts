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
    expect(tags('trafficking Honduras')).toEqual({ topics: [], weakTopics: [], countries: [] });
  });
});
