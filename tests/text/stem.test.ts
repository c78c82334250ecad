import { describe, expect, it } from 'vitest';
import { stem, widerStem } from '../../src/text/stem.js';

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
