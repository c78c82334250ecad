import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { renderTsv, tsvCell } from '../../src/render/renderTsv.js';

/** Reads a TSV cell back: the inverse of tsvCell's escapes for backslash, tab, LF and CR. */
const readCell = (cell: string) =>
  cell.replace(/\\(\\|t|n|r)/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);

describe('renderTsv', () => {
  it('writes a header row, then one line per record, lists joined by "; "', () => {
    expect(renderTsv([{ id: 'a1', topics: ['health', 'return'] }], ['id', 'topics'])).toBe(
      'id\ttopics\na1\thealth; return\n',
    );
    expect(renderTsv([{ id: 'a1' }], ['id'], false)).toBe('a1\n');
  });

  it('escapes a tab, a line break and a backslash, so a cell never splits a row', () => {
    expect(tsvCell('a\tb\nc\r\\d')).toBe('a\\tb\\nc\\r\\\\d');
  });

  test.prop([
    fc.array(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\r', '\\', 'n', 't', '😀') }), {
      minLength: 1,
      maxLength: 5,
    }),
  ])('gives one line per record and one cell per column, read back to the same text', (cells) => {
    const columns = cells.map((_, i) => `c${i}`);
    const record = Object.fromEntries(cells.map((c, i) => [`c${i}`, c]));
    const lines = renderTsv([record], columns).split('\n');
    expect(lines).toHaveLength(3); // header, row, and the empty string after the final newline
    expect(lines[1]!.split('\t').map(readCell)).toEqual(cells);
  });
});
