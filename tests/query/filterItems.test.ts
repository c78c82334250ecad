import { describe, expect, it } from 'vitest';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import {
  matchFilters,
  parseDateBound,
  resolveCountry,
  resolveFilters,
  resolveTopic,
} from '../../src/query/filterItems.js';
import { UsageError } from '../../src/errors.js';
import type { Item } from '../../src/types.js';

const { gazetteer, topics } = getEnrichers();
const taxonomy = topics.taxonomy;

describe('resolveCountry', () => {
  it('accepts English and Spanish names, ISO codes, any case and accents', () => {
    for (const v of ['Costa Rica', 'costa rica', 'CR', 'cri', 'COSTA RICA'])
      expect(resolveCountry(gazetteer, v)).toBe('Costa Rica');
    expect(resolveCountry(gazetteer, 'México')).toBe('Mexico');
    expect(resolveCountry(gazetteer, 'Panamá')).toBe('Panama');
  });
  it('suggests the closest name for a typo', () => {
    expect(() => resolveCountry(gazetteer, 'Costa Rika')).toThrow(
      'unknown country "Costa Rika" — did you mean "Costa Rica"?',
    );
  });
});

describe('resolveTopic', () => {
  it('accepts ids and labels and suggests for typos', () => {
    expect(resolveTopic(taxonomy, 'smuggling')).toBe('smuggling');
    expect(resolveTopic(taxonomy, 'Human trafficking')).toBe('trafficking');
    expect(() => resolveTopic(taxonomy, 'smugling')).toThrow(/did you mean "smuggling"/);
  });
});

describe('parseDateBound', () => {
  it('reads years, months and days as the first or last day of the period', () => {
    expect(parseDateBound('2018', 'start', '--since')).toBe('2018-01-01');
    expect(parseDateBound('2018', 'end', '--until')).toBe('2018-12-31');
    expect(parseDateBound('2020-02', 'end', '--until')).toBe('2020-02-29');
    expect(parseDateBound('2019-02', 'end', '--until')).toBe('2019-02-28');
    expect(parseDateBound('2018-07-06', 'start', '--since')).toBe('2018-07-06');
  });
  it('rejects malformed and impossible dates with the fix', () => {
    expect(() => parseDateBound('2018-13', 'start', '--since')).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(() => parseDateBound('2019-02-29', 'start', '--since')).toThrow(UsageError);
    expect(() => parseDateBound('last week', 'start', '--since')).toThrow(UsageError);
  });
});

describe('matchFilters', () => {
  const base: Item = {
    id: 'a',
    title: 't',
    date: '2018-07-01',
    dateSource: 'listed',
    inferredDate: null,
    summary: '',
    countries: ['Mexico', 'Guatemala'],
    primaryCountry: 'Mexico',
    places: [],
    topics: ['smuggling'],
    sources: [],
  };
  const f = (input: Parameters<typeof resolveFilters>[0]) => matchFilters(resolveFilters(input, gazetteer, taxonomy));
  it('combines filters with AND and values of one filter with OR', () => {
    expect(f({ country: ['Guatemala'], topic: ['smuggling'] })(base)).toBe(true);
    expect(f({ country: ['Belize,Guatemala'] })(base)).toBe(true);
    expect(f({ country: ['Guatemala'], topic: ['health'] })(base)).toBe(false);
  });
  it('keeps the inclusive date bounds and leaves undated items out', () => {
    expect(f({ since: '2018-07-01', until: '2018-07-01' })(base)).toBe(true);
    expect(f({ since: '2018-07-02' })(base)).toBe(false);
    expect(f({ year: '2018' })({ ...base, date: null })).toBe(false);
    expect(f({ year: '2017' })(base)).toBe(false);
  });
  it('rejects --since after --until', () => {
    expect(() => resolveFilters({ since: '2019', until: '2018' }, gazetteer, taxonomy)).toThrow(/swap/);
  });
});

describe('resolveFilters with list values', () => {
  const resolve = (input: Parameters<typeof resolveFilters>[0]) => resolveFilters(input, gazetteer, taxonomy);

  it('refuses an empty --country or --topic rather than dropping it (regression: it was silently ignored)', () => {
    expect(() => resolve({ country: [''] })).toThrow(/--country needs a value/);
    expect(() => resolve({ country: ['  '] })).toThrow(UsageError);
    expect(() => resolve({ topic: [''] })).toThrow(/--topic needs a value/);
    expect(() => resolve({ country: ['Mexico,,Belize'] })).toThrow(/empty name between commas/);
    expect(() => resolve({ topic: ['trafficking,'] })).toThrow(/empty name between commas/);
  });

  it('takes a country whose name holds a comma, whole (regression: it was split at the comma)', () => {
    expect(resolve({ country: ['Taiwan, Province of China'] }).countries).toEqual(['Taiwan']);
    expect(resolve({ country: ['taiwan, province of china', 'Mexico'] }).countries).toEqual(['Taiwan', 'Mexico']);
  });

  it('still splits comma-separated names, one value or several', () => {
    expect(resolve({ country: ['Mexico, Belize'] }).countries).toEqual(['Mexico', 'Belize']);
    expect(resolve({ country: ['Mexico', 'mexico,CR'] }).countries).toEqual(['Mexico', 'Costa Rica']);
    expect(resolve({ topic: ['trafficking,smuggling'] }).topics).toEqual(['trafficking', 'smuggling']);
  });
});
