import { describe, expect, it } from 'vitest';
import { itemId } from '../../src/parse/itemId.js';
import { mergeItems } from '../../src/parse/mergeItems.js';
import type { RawItem } from '../../src/types.js';

const raw = (title: string, date: string | null, summary: string, file: string, line: number): RawItem => ({
  title,
  date,
  summary,
  source: { file, line },
  lines: [line],
});

describe('mergeItems', () => {
  it('merges the same title with other quotes, case and spacing into one item keeping every source', () => {
    const { items, merged, diagnostics } = mergeItems([
      raw('Boosting Young People’s Knowledge', null, 'Short.', 'a.txt', 1),
      raw('Other story', '2018-02-01', 'Other.', 'a.txt', 3),
      raw("BOOSTING young  people's knowledge", null, 'Short too', 'b.txt', 7),
    ]);
    expect(items).toHaveLength(2);
    expect(merged).toBe(1);
    expect(diagnostics).toEqual([]);
    expect(items[0]).toEqual({
      id: itemId('Boosting Young People’s Knowledge'),
      title: 'Boosting Young People’s Knowledge',
      date: null,
      summary: 'Short too',
      body: null,
      facts: {},
      sources: [
        { file: 'a.txt', line: 1 },
        { file: 'b.txt', line: 7 },
      ],
    });
    expect(items[1]!.title).toBe('Other story');
  });

  it('takes the date (and title) from the page that lists a date', () => {
    const { items, diagnostics } = mergeItems([
      raw('The same story', null, 'An undated summary that is the fuller one.', 'undated.txt', 5),
      raw('The Same Story', '2018-01-05', 'Dated.', 'dated.txt', 3),
    ]);
    expect(items).toEqual([
      {
        id: itemId('the same story'),
        title: 'The Same Story',
        date: '2018-01-05',
        summary: 'An undated summary that is the fuller one.',
        body: null,
        facts: {},
        sources: [
          { file: 'undated.txt', line: 5 },
          { file: 'dated.txt', line: 3 },
        ],
      },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps a listed date when a later page lists the story undated', () => {
    const { items, diagnostics } = mergeItems([
      raw('The same story', '2018-01-05', 'A.', 'dated.txt', 3),
      raw('the same story', null, 'A longer one.', 'undated.txt', 1),
    ]);
    expect(items[0]!.date).toBe('2018-01-05');
    expect(items[0]!.title).toBe('The same story');
    expect(items[0]!.summary).toBe('A longer one.');
    expect(diagnostics).toEqual([]);
  });

  it('gives no diagnostic when two pages list the same date', () => {
    const { items, diagnostics } = mergeItems([
      raw('The same story', '2018-01-05', 'A.', 'a.txt', 3),
      raw('The same story', '2018-01-05', 'B.', 'b.txt', 3),
    ]);
    expect(items).toHaveLength(1);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the first listed date when two pages disagree, with a diagnostic at the second page', () => {
    const { items, diagnostics } = mergeItems([
      raw('The same story', '2018-01-01', 'A.', 'a.txt', 3),
      raw('The same story', '2018-01-02', 'B.', 'b.txt', 9),
    ]);
    expect(items[0]!.date).toBe('2018-01-01');
    expect(items[0]!.sources).toEqual([
      { file: 'a.txt', line: 3 },
      { file: 'b.txt', line: 9 },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.file).toBe('b.txt');
    expect(diagnostics[0]!.line).toBe(9);
    expect(diagnostics[0]!.message).toContain('2018-01-02');
    expect(diagnostics[0]!.message).toContain('a.txt:3');
    expect(diagnostics[0]!.message).toContain('kept 2018-01-01');
  });

  // Was a bug, fixed in src during this run: the message named the first source (undated.txt:1, which lists no date)
  // instead of the page the kept date came from.
  it('names the page the kept date came from when the first page was undated', () => {
    const { diagnostics } = mergeItems([
      raw('The same story', null, 'A.', 'undated.txt', 1),
      raw('The same story', '2018-01-01', 'B.', 'dated.txt', 4),
      raw('The same story', '2018-01-02', 'C.', 'other.txt', 6),
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('dated.txt:4');
    expect(diagnostics[0]!.message).not.toContain('undated.txt');
    expect(diagnostics[0]!.file).toBe('other.txt');
  });

  it('keeps different stories apart, in first-seen order', () => {
    const { items, merged } = mergeItems([
      raw('One', null, '', 'a.txt', 1),
      raw('Two', null, '', 'a.txt', 3),
      raw('one', null, '', 'b.txt', 1),
    ]);
    expect(items.map((i) => i.title)).toEqual(['One', 'Two']);
    expect(merged).toBe(1);
  });

  it('gives nothing for nothing', () => {
    expect(mergeItems([])).toEqual({ items: [], merged: 0, diagnostics: [] });
  });
});
