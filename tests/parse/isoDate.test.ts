import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/parse/isoDate.js';

describe('isoDate', () => {
  it('builds zero-padded YYYY-MM-DD for real days from 1900 to 2100', () => {
    expect(isoDate(2018, 1, 5)).toBe('2018-01-05');
    expect(isoDate(1900, 1, 1)).toBe('1900-01-01');
    expect(isoDate(2100, 12, 31)).toBe('2100-12-31');
  });

  it('gives null outside 1900–2100 and for days that do not exist', () => {
    expect(isoDate(1899, 12, 31)).toBeNull();
    expect(isoDate(2101, 1, 1)).toBeNull();
    expect(isoDate(2100, 2, 29)).toBeNull();
    expect(isoDate(2019, 2, 29)).toBeNull();
    expect(isoDate(2018, 6, 31)).toBeNull();
  });
});
