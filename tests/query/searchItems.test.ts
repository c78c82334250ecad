import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/types.js';
import { buildIndex } from '../../src/indexing/termIndex.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankCorpus, searchItems } from '../../src/query/searchItems.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';

import { makeItem } from '../helpers/makeItem.js';

const item = (title: string, summary: string, extra: Partial<Item> = {}): Item =>
  makeItem(null, { title, summary, ...extra });

/** The titles `searchItems` ranks for a query over `corpus`, best first, without the thesaurus. */
const titlesFor =
  (corpus: Item[]) =>
  (q: string): string[] =>
    searchItems(buildIndex(corpus), new Map(corpus.map((i) => [i.id, i])), parseQuery(q), {
      expansions: null,
    }).map((h) => h.item.title);

const items = [
  item('Traffic jams on the border highway', 'Traffic jams and traffic lights slowed trucks at the border crossing.'),
  item('Victims of trafficking assisted', 'Two people who were trafficked received help from a shelter.'),
  item('Returnees start businesses', 'Returned migrants received seed capital.'),
  item('Workshop in Petén', 'Officials from Petén met on human trafficking.', {
    topics: ['trafficking'],
    countries: ['Guatemala'],
    primaryCountry: 'Guatemala',
  }),
  item('Health workers trained', 'A worker from the clinic explained COVID-19 protocols to migrant workers.'),
  item('Data on migration', 'Trafficking in persons statistics and human rights.'),
  item('Coalition meets', 'The coalition against trata de personas met in Guatemala City.', {
    topics: ['trafficking'],
    countries: ['Guatemala'],
  }),
];
const index = buildIndex(items);
const byId = new Map(items.map((i) => [i.id, i]));
const titles = (q: string, opts = {}) => searchItems(index, byId, parseQuery(q), opts).map((h) => h.item.title);

describe('searchItems', () => {
  it('finds items with some of the words (best match), those with more of them first; --all requires every word', () => {
    expect(titles('human trafficking')).toEqual(expect.arrayContaining(['Workshop in Petén']));
    expect(titles('returnees petén')).toEqual(
      expect.arrayContaining(['Returnees start businesses', 'Workshop in Petén']),
    );
    expect(titles('returnees petén', { all: true })).toEqual([]);
    // both words before one word, however strong
    expect(titles('human trafficking', { expansions: null })[0]).toBe('Workshop in Petén');
    expect(titles('human trafficking', { all: true, expansions: null }).sort()).toEqual([
      'Data on migration',
      'Workshop in Petén',
    ]);
  });
  it('does not meet workshops for a migrant train, yet a training query meets "trains" (regression: Porter folded training onto train)', () => {
    const corpus = [
      item('Migrants ride the freight train north', 'Hundreds of migrants rode on top of trains through Mexico.'),
      item('Training for border officials', 'A training workshop on migrant rights; officials trained.'),
      item('IOM Trains Medical Staff', 'Nurses learned about migrant protection.'),
      item('Budget report', 'A report.'),
    ];
    const ranked = titlesFor(corpus);
    expect(ranked('trains')).not.toContain('Training for border officials');
    expect(ranked('migrants on trains')[0]).toBe('Migrants ride the freight train north');
    expect(ranked('training')).toEqual(
      expect.arrayContaining(['Training for border officials', 'IOM Trains Medical Staff']),
    );
  });
  it('counts a country word as matched by an item tagged with that country (it names a city of it), among other words', () => {
    const mexico = { countries: ['Mexico'], primaryCountry: 'Mexico' };
    const corpus = [
      item('Haitian families wait for asylum in Tapachula', 'Haitian families wait months in Tapachula.', mexico),
      item('Migrants in Mexico receive kits', 'Migrants in Mexico got hygiene kits.', mexico),
      item('Kits', 'Mexico sent kits.', mexico),
      item('Migrants', 'Migrants walked.'),
      item('More migrants', 'Migrants rested.'),
      ...['Budget', 'Report', 'Course', 'Visit', 'Plan'].map((t) => item(t, `A ${t.toLowerCase()}.`)),
    ];
    const byId = new Map(corpus.map((i) => [i.id, i]));
    const ranked = (q: string) =>
      rankCorpus(buildIndex(corpus), byId, parseQuery(q), getEnrichers(), { expansions: null }).map(
        (h) => h.item.title,
      );
    // the Tapachula item matches "Haitian" and, through its country, "Mexico": two of the rarer words
    expect(ranked('Haitian migrants in Mexico')[0]).toBe('Haitian families wait for asylum in Tapachula');
    // a quoted or required word still needs the word itself
    expect(ranked('Haitian migrants +Mexico')).not.toContain('Haitian families wait for asylum in Tapachula');
  });
  it("counts a query word met in an item's title for more than one met in its summary, for a query of several words", () => {
    const corpus = [
      item(
        'A long report from the western highlands of the country on the drought of this year and on what comes next for them',
        'Farmers lost crops, and many of the families of the region lost their savings and their homes this year.',
      ),
      item('Report', 'Drought drought drought drought: farmers farmers farmers farmers.'),
      ...['Budget', 'Course', 'Visit', 'Plan'].map((t) => item(t, `A ${t.toLowerCase()}.`)),
    ];
    const ranked = (q: string) =>
      searchItems(buildIndex(corpus), new Map(corpus.map((i) => [i.id, i])), parseQuery(q), {
        expansions: null,
      }).map((h) => h.item.title.split(' ')[0]);
    // both items match both words; the one whose title says "drought" ranks first, however often the other says it
    expect(ranked('drought farmers').slice(0, 2)).toEqual(['A', 'Report']);
  });
  it('counts a rare query word for more than a common one: an item with the rarer words ranks first', () => {
    const corpus = [
      item('Help for survivors', 'Help desks help and help again.'),
      item('Shelter opened', 'Hurricane survivors found a roof.'),
      item('Survey', 'Help with data.'),
      item('Fair', 'Help with jobs.'),
      item('Clinic', 'Help with health.'),
      ...['Budget', 'Report', 'Course', 'Visit', 'Plan'].map((t) => item(t, `A ${t.toLowerCase()}.`)),
    ];
    const ranked = titlesFor(corpus);
    // both match two of the three words; "help" is in four items of ten, "hurricane" in one
    expect(ranked('help hurricane survivors').slice(0, 2)).toEqual(['Shelter opened', 'Help for survivors']);
  });
  it('counts a generic word of a question ("developed", "help") for less than its subject, however rare', () => {
    const corpus = [
      item('IOM developed a course', 'IOM developed it, and developed it again.'),
      item('Apps for the road', 'IOM launched two apps.'),
      ...['Budget', 'Report', 'Visit', 'Plan'].map((t) => item(`IOM ${t}`, `A ${t.toLowerCase()}.`)),
    ];
    const ranked = titlesFor(corpus);
    // each matches IOM and one other word, both in one item only: the subject (apps) ranks above the verb
    expect(ranked('which apps has IOM developed').slice(0, 2)).toEqual(['Apps for the road', 'IOM developed a course']);
  });
  it('counts "people" and "personas" as generic words of a question, below its subject', () => {
    const corpus = [
      item('On the move', 'People crossed, people waited, people rested.'),
      item('Migrants on the road', 'Indigenous families migrated.'),
      ...['Budget', 'Report', 'Visit', 'Plan'].map((t) => item(`IOM ${t}`, `A ${t.toLowerCase()}.`)),
    ];
    const ranked = titlesFor(corpus);
    // each matches one word, in one item only: the subject (indigenous) ranks above "people"
    expect(ranked('indigenous people').slice(0, 2)).toEqual(['Migrants on the road', 'On the move']);
  });
  it('counts a year in the query as matched by an item dated that year, or dated from its text', () => {
    const corpus = [
      item('Flood response in Honduras', 'Shelters opened.', { date: '2020-11-10' }),
      item('Flood response in Honduras again', 'Shelters opened.', { date: '2021-06-02' }),
      item('Honduras floods', 'Shelters opened after the rains.', {
        inferredDate: { value: '2021-10', precision: 'month', evidence: 'October 2021' },
      }),
      ...['Budget', 'Report', 'Visit'].map((t) => item(t, `A ${t.toLowerCase()}.`)),
    ];
    const ranked = titlesFor(corpus);
    expect(ranked('floods in Honduras in 2021').slice(0, 2)).toEqual(
      expect.arrayContaining(['Flood response in Honduras again', 'Honduras floods']),
    );
    expect(ranked('floods in Honduras in 2021')[2]).toBe('Flood response in Honduras');
    // --all keeps every word strict: the year must be in the text
    expect(
      searchItems(buildIndex(corpus), new Map(corpus.map((i) => [i.id, i])), parseQuery('floods 2021'), {
        expansions: null,
        all: true,
      }),
    ).toEqual([]);
  });
  it('ranks an item with some of the countries a query names below one with them all', () => {
    const corpus = [
      item('Shelters in the north', 'Beds for families.', { countries: ['Mexico'], primaryCountry: 'Mexico' }),
      item('Census in Tapachula', 'A count of people in transit.', { countries: ['Mexico', 'Haiti'] }),
      item('Budget', 'Figures.'),
    ];
    const hits = searchItems(buildIndex(corpus), new Map(corpus.map((i) => [i.id, i])), parseQuery('haiti mexico'), {
      expansions: null,
      tagged: { topics: [], weakTopics: [], countries: ['Haiti', 'Mexico'] },
    });
    expect(hits.map((h) => h.item.title)).toEqual(['Census in Tapachula', 'Shelters in the north']);
    // --all: every word must match, so an item with Mexico only is no hit
    const all = searchItems(buildIndex(corpus), new Map(corpus.map((i) => [i.id, i])), parseQuery('haiti mexico'), {
      expansions: null,
      all: true,
      tagged: { topics: [], weakTopics: [], countries: ['Haiti', 'Mexico'] },
    });
    expect(all.map((h) => h.item.title)).toEqual(['Census in Tapachula']);
  });
  it('requires a +word literally, and leaves the other words optional', () => {
    expect(titles('+petén returnees')).toEqual(['Workshop in Petén']);
    expect(titles('+trafficking statistics', { expansions: null })[0]).toBe('Data on migration');
    expect(titles('+trafficking statistics', { expansions: null })).not.toContain('Returnees start businesses');
  });
  it('neither requires nor counts stop words: a question finds what its words find', () => {
    expect(titles('what did the returnees do?')).toEqual(['Returnees start businesses']);
    // "the" and "in" are in other items, but match no content word there
    expect(titles('what is there in Petén')).toEqual(['Workshop in Petén']);
    // a query of stop words only searches them
    expect(titles('from the')).toContain('Health workers trained');
  });
  it('finds a synonym from the thesaurus below the literal word, and says so in matched', () => {
    const hits = searchItems(index, byId, parseQuery('trata de personas'), { expansions: undefined });
    const coalition = hits.find((h) => h.item.title === 'Coalition meets')!;
    const data = hits.find((h) => h.item.title === 'Data on migration')!;
    expect(coalition.matched).toContainEqual({ term: 'trata', field: 'summary', how: 'exact' });
    expect(data.matched).toContainEqual(
      expect.objectContaining({ term: 'trata personas', field: 'summary', how: 'synonym' }),
    );
    expect(hits.indexOf(coalition)).toBeLessThan(hits.indexOf(data));
  });
  it('folds accents: peten finds Petén', () => {
    expect(titles('peten')).toEqual(['Workshop in Petén']);
  });
  it('matches by stem: returnees finds returned, workers finds worker, trafficked finds trafficking', () => {
    expect(titles('returnees')).toContain('Returnees start businesses');
    expect(titles('trafficked')).toEqual(
      expect.arrayContaining(['Victims of trafficking assisted', 'Workshop in Petén']),
    );
  });
  it('does not let traffic jams match trafficking', () => {
    expect(titles('trafficking')).not.toContain('Traffic jams on the border highway');
    expect(titles('traffic')).toEqual(['Traffic jams on the border highway']);
  });
  it('ranks an exact match above a stem match', () => {
    const hits = searchItems(index, byId, parseQuery('trafficked'));
    expect(hits[0]!.item.title).toBe('Victims of trafficking assisted');
    expect(hits[0]!.matched).toContainEqual({ term: 'trafficked', field: 'summary', how: 'exact' });
    expect(hits.find((h) => h.item.title === 'Workshop in Petén')!.matched).toContainEqual({
      term: 'trafficked',
      field: 'summary',
      how: 'stem',
    });
  });
  it('matches a phrase only when its words are adjacent and in order', () => {
    expect(titles('"human trafficking"')).toEqual(['Workshop in Petén']);
    expect(titles('"trafficking human"')).toEqual([]);
  });
  it('excludes words and phrases', () => {
    expect(titles('trafficking -petén')).not.toContain('Workshop in Petén');
    expect(titles('trafficking -"human rights"')).not.toContain('Data on migration');
  });
  it('restricts title: terms to the title', () => {
    expect(titles('title:trafficking')).toEqual(['Victims of trafficking assisted']);
  });
  it('matches an explicit prefix', () => {
    expect(titles('traff*')).toEqual(
      expect.arrayContaining(['Traffic jams on the border highway', 'Victims of trafficking assisted']),
    );
  });
  it('matches a typo fuzzily, below exact matches', () => {
    const hits = searchItems(index, byId, parseQuery('traficking'));
    expect(hits.map((h) => h.item.title)).toContain('Victims of trafficking assisted');
    expect(hits[0]!.matched.every((m) => m.how === 'fuzzy')).toBe(true);
  });
  it('keeps hyphenated and numbered words as tokens: COVID-19 and covid19', () => {
    expect(titles('COVID-19')).toEqual(['Health workers trained']);
    expect(titles('covid19')).toEqual(['Health workers trained']);
  });
  it('finds items tagged with a named topic below literal matches', () => {
    const hits = searchItems(index, byId, parseQuery('trata'), {
      tagged: { topics: ['trafficking'], weakTopics: [], countries: [] },
      expansions: null,
    });
    expect(hits[0]!.item.title).toBe('Coalition meets');
    expect(hits.map((h) => h.item.title)).toContain('Workshop in Petén');
    expect(hits.at(-1)!.matched).toContainEqual({ term: 'trafficking', field: 'topics', how: 'topic' });
  });
  it('applies the filters before ranking', () => {
    const inGuatemala = { allow: (i: Item) => i.countries.includes('Guatemala') };
    expect(titles('trafficking', { ...inGuatemala, expansions: null })).toEqual(['Workshop in Petén']);
    // "trata de personas" stands for trafficking
    expect(titles('trafficking', inGuatemala).sort()).toEqual(['Coalition meets', 'Workshop in Petén']);
  });
  it('gives a snippet whose highlights cover the matched words', () => {
    const [hit] = searchItems(index, byId, parseQuery('seed'));
    const { text, highlights } = hit!.snippet;
    expect(highlights.map(([s, e]) => text.slice(s, e))).toEqual(['seed']);
  });
});
