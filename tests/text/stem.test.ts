import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { stem, stemsTo, widerStem } from '../../src/text/stem.js';
import { tokenize } from '../../src/text/tokenize.js';
import { bundledPagesDir } from '../../src/paths.js';
describe('stem', () => {
  it('folds inflections and the person an action is done to', () => {
    expect(stem('returnees')).toBe(stem('return'));
    expect(stem('deportees')).toBe(stem('deported'));
    expect(stem('migrations')).toBe(stem('migration'));
    expect(stem('children')).toBe('child');
  });

  it('keeps apart words Porter folds onto unrelated ones (regression: "trains" met "training", "mobile" met "mobility")', () => {
    const apart: Array<[string, string]> = [
      ['training', 'train'],
      ['trainings', 'trains'],
      ['mobile', 'mobility'],
      ['informal', 'information'],
      ['internal', 'international'],
      ['organization', 'organs'],
      ['general', 'generation'],
      ['communication', 'community'],
      ['personal', 'person'],
      ['news', 'new'],
      ['pais', 'paying'],
    ];
    for (const [a, b] of apart) expect(stem(a), `${a} / ${b}`).not.toBe(stem(b));
  });

  it('still folds the inflections of those words together', () => {
    expect(stem('trainings')).toBe(stem('training'));
    expect(stem('trained')).toBe(stem('training'));
    expect(stem('organizations')).toBe(stem('organized'));
    expect(stem('informally')).toBe(stem('informal'));
    expect(stem('trains')).toBe(stem('train'));
  });

  it('lets a training query meet "trains", one way', () => {
    expect(widerStem('training')).toBe(stem('trains'));
    expect(widerStem('trains')).toBeUndefined();
    expect(widerStem('migrants')).toBeUndefined();
  });
});

describe('stem: words that name object properties', () => {
  it('stems the words that name properties of a plain object as words (regression: constructor was a function)', () => {
    for (const w of ['constructor', 'constructors', 'hasownproperty', 'tostring', 'valueof']) {
      expect(typeof stem(w), w).toBe('string');
      expect(widerStem(w), w).toBeUndefined();
    }
    expect(stem('constructors')).toBe(stem('constructor'));
  });
});

describe('stemsTo', () => {
  // every word of the bundled pages, and the irregular plurals
  const words = [
    ...new Set(
      readdirSync(bundledPagesDir()).flatMap((f) => tokenize(readFileSync(path.join(bundledPagesDir(), f), 'utf8'))),
    ),
    'people',
    'children',
    'women',
  ];

  it('answers as stemming does for every word of the bundled pages, against the stems of others', () => {
    expect(words.length).toBeGreaterThan(500);
    const stems = new Set(words.filter((_, i) => i % 7 === 0).map(stem));
    const test = stemsTo(stems);
    for (const w of words) expect(test(w), w).toBe(stems.has(stem(w)));
    for (const w of words) expect(stemsTo(new Set([stem(w)]))(w), w).toBe(true);
  });

  test.prop([fc.stringMatching(/^[a-z]{1,14}$/), fc.array(fc.stringMatching(/^[a-z]{1,14}$/), { maxLength: 5 })], {
    numRuns: 3000,
  })('answers as stemming does for any word', (word, others) => {
    const stems = new Set([...others, ...words.slice(0, 3)].map(stem));
    expect(stemsTo(stems)(word)).toBe(stems.has(stem(word)));
    expect(stemsTo(new Set([stem(word)]))(word)).toBe(true);
  });
});
