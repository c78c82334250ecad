import { describe, expect, it } from 'vitest';
import { classifyTopics, compileTopics } from '../../src/enrich/classifyTopics.js';
import { validateTopics, loadTopics, DataError } from '../../src/enrich/tables.js';

const matcher = compileTopics(
  validateTopics({
    scoring: { threshold: 3 },
    topics: [
      {
        id: 'trafficking',
        label: 'Human trafficking',
        en: { strong: ['human trafficking', 'trafficking'], weak: ['exploitation'] },
        es: { strong: ['trata de personas'], weak: [] },
        exclude: ['drug trafficking'],
      },
      {
        id: 'smuggling',
        label: 'Migrant smuggling',
        en: { strong: ['smuggling of migrants', 'smuggling'], weak: [] },
        es: { strong: ['tráfico ilícito de migrantes'], weak: [] },
        exclude: [],
      },
      {
        id: 'health',
        label: 'Health',
        en: { strong: ['health', 'covid-19'], weak: ['doctors'] },
        es: { strong: ['salud'], weak: [] },
        exclude: ['doctors without borders'],
      },
    ],
  }),
);
const topics = (title: string, summary = '') => classifyTopics(matcher, title, summary).topics;

describe('classifyTopics', () => {
  it('tags a topic named in the title', () => {
    expect(topics('Fighting human trafficking')).toEqual(['trafficking']);
  });
  it('does not tag a topic from one passing word in the summary', () => {
    expect(topics('A workshop on borders', 'Among other crimes, trafficking was mentioned.')).toEqual([]);
  });
  it('tags a topic the summary returns to', () => {
    expect(topics('A workshop', 'On human trafficking. Victims of trafficking were assisted.')).toEqual([
      'trafficking',
    ]);
  });
  it('keeps smuggling apart from trafficking', () => {
    expect(topics('Smuggling of migrants on the rise')).toEqual(['smuggling']);
  });
  it('reads Spanish patterns with accents folded', () => {
    expect(topics('Trata de personas en la región')).toEqual(['trafficking']);
    expect(topics('Trafico ilicito de migrantes')).toEqual(['smuggling']);
  });
  it('ignores exclusions: drug trafficking is not human trafficking, Doctors Without Borders is not health', () => {
    expect(topics('Drug trafficking routes', 'Drug trafficking again.')).toEqual([]);
    expect(topics('Doctors Without Borders opens an office')).toEqual([]);
  });
  it('matches hyphenated patterns: COVID-19', () => {
    expect(topics('COVID-19 response for migrants')).toEqual(['health']);
  });
  it('gives the words behind each topic as evidence', () => {
    expect(classifyTopics(matcher, 'Human trafficking', '').evidence).toEqual([
      { kind: 'topic', label: 'trafficking', words: ['human trafficking'] },
    ]);
  });
});

describe('the bundled taxonomy', () => {
  it('has at least the twelve topics the product promises', () => {
    const ids = loadTopics().topics.map((t) => t.id);
    for (const id of [
      'trafficking',
      'smuggling',
      'children',
      'gender',
      'labour',
      'return',
      'health',
      'emergencies',
      'borders',
      'information',
      'data',
      'integration',
    ])
      expect(ids).toContain(id);
  });
  it('rejects a topic without patterns, naming it', () => {
    expect(() =>
      validateTopics({
        topics: [{ id: 'x', label: 'X', en: { strong: [] }, es: { strong: [], weak: [] }, exclude: [] }],
      }),
    ).toThrow(DataError);
  });
});
