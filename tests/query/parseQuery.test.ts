import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { parseQuery, MAX_CLAUSES } from '../../src/query/parseQuery.js';
import { UsageError } from '../../src/errors.js';

describe('parseQuery', () => {
  it('reads words as best-match terms, folded', () => {
    const q = parseQuery('Petén RETURN');
    expect(q.include.map((c) => c.terms)).toEqual([['peten'], ['return']]);
    expect(q.include.map((c) => c.required)).toEqual([false, false]);
    expect(q.exclude).toEqual([]);
  });
  it('reads +word as required; quoted phrases and title: terms are required too', () => {
    const q = parseQuery('+Petén return "human trafficking" title:caravan');
    expect(q.include.map((c) => [c.terms.join(' '), c.required])).toEqual([
      ['peten', true],
      ['return', false],
      ['human trafficking', true],
      ['caravan', true],
    ]);
    expect(parseQuery('a + b').include.map((c) => c.terms[0])).toEqual(['a', 'b']);
  });
  it('marks stop words, English and Spanish, unless they are required, quoted or a prefix', () => {
    const q = parseQuery('what did IOM do about hurricanes in Honduras');
    expect(q.include.filter((c) => c.stop).map((c) => c.terms[0])).toEqual(['what', 'did', 'do', 'about', 'in']);
    expect(parseQuery('trata de las personas').include.map((c) => c.stop)).toEqual([false, true, true, false]);
    expect(parseQuery('+the "the" the* WHO').include.map((c) => c.stop)).toEqual([false, false, false, false]);
  });
  it('reads "how many" and Spanish "muchos", "después", "tras" as stop words', () => {
    const stops = (q: string) =>
      parseQuery(q)
        .include.filter((c) => c.stop)
        .map((c) => c.terms[0]);
    expect(stops('how many migrants returned after the hurricane')).toEqual(['how', 'many', 'after', 'the']);
    expect(stops('muchos migrantes retornan después de los huracanes')).toEqual(['muchos', 'despues', 'de', 'los']);
    expect(stops('retornados tras el huracán')).toEqual(['tras', 'el']);
  });
  it('reads the filler of a request ("latest updates regarding", "últimas", "ejemplos de") as stop words', () => {
    const stops = (q: string) =>
      parseQuery(q)
        .include.filter((c) => c.stop)
        .map((c) => c.terms[0]);
    expect(stops('latest updates regarding deportations')).toEqual(['latest', 'updates', 'regarding']);
    expect(stops('what kinds of jobs are migrants taking')).toEqual(['what', 'kinds', 'of', 'are', 'taking']);
    expect(stops('últimas noticias sobre ejemplos de albergues')).toEqual(['ultimas', 'sobre', 'ejemplos', 'de']);
  });
  it('reads a quoted phrase, straight or curly', () => {
    expect(parseQuery('"human trafficking"').include[0]).toMatchObject({
      kind: 'phrase',
      terms: ['human', 'trafficking'],
    });
    expect(parseQuery('“human trafficking”').include[0]).toMatchObject({
      kind: 'phrase',
      terms: ['human', 'trafficking'],
    });
  });
  it('reads exclusions of words and phrases', () => {
    const q = parseQuery('trafficking -Honduras -"civil society"');
    expect(q.exclude.map((c) => c.terms)).toEqual([['honduras'], ['civil', 'society']]);
  });
  it('reads title: and prefix*', () => {
    expect(parseQuery('title:return').include[0]).toMatchObject({ terms: ['return'], titleOnly: true });
    expect(parseQuery('repatr*').include[0]).toMatchObject({ terms: ['repatr'], prefix: true });
  });
  it('treats a hyphen inside a word as part of it, not an exclusion', () => {
    expect(parseQuery('anti-trafficking').include[0]).toMatchObject({ kind: 'phrase', terms: ['anti', 'trafficking'] });
    expect(parseQuery('COVID-19').exclude).toEqual([]);
  });
  it('reads a word with two leading hyphens as a word, not an exclusion', () => {
    expect(parseQuery('--trafficking')).toMatchObject({ include: [{ terms: ['trafficking'] }], exclude: [] });
    expect(parseQuery('-trafficking return').exclude[0]!.terms).toEqual(['trafficking']);
  });
  it('folds odd apostrophes: People´s and People’s are the same', () => {
    expect(parseQuery('People´s').include[0]!.terms).toEqual(parseQuery('People’s').include[0]!.terms);
  });
  it('rejects an unclosed quote, an empty query and a query of only exclusions', () => {
    expect(() => parseQuery('"human traff')).toThrow(/unclosed quote/);
    expect(() => parseQuery('   ')).toThrow(UsageError);
    expect(() => parseQuery('-honduras')).toThrow(/only exclusions/);
  });
  it('treats regex characters as plain text', () => {
    expect(() => parseQuery('(')).toThrow(UsageError);
    expect(parseQuery('.* [a] (b) \\c').include.map((c) => c.terms[0])).toEqual(['a', 'b', 'c']);
  });
  it('caps a query of thousands of terms with a note', () => {
    const q = parseQuery(Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' '));
    expect(q.include.length).toBe(MAX_CLAUSES);
    expect(q.notes.join(' ')).toMatch(/only the first/);
  });
  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('never throws anything but a usage error', (s) => {
    try {
      const q = parseQuery(s);
      expect(q.include.length).toBeGreaterThan(0);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
    }
  });
});
