import { describe, it, expect } from 'vitest';
import { makeItem as item, manyItems as many } from '../helpers/makeItem.js';
import { bar, renderTimeline } from '../../src/render/renderTimeline.js';
import { makeStyle } from '../../src/render/makeStyle.js';
import { buildTimeline, type Timeline } from '../../src/query/buildTimeline.js';
import type { Item, InferredDate } from '../../src/types.js';

const EIGHTHS = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const plain80 = makeStyle({ isTTY: false, columns: 80, env: {} });
const ANSI = /\u001b\[/;
const len = (s: string) => [...s].length;

describe('bar', () => {
  it('is full width for the maximum', () => {
    expect(bar(10, 10, 20)).toBe('█'.repeat(20));
    expect(bar(7, 7, 1)).toBe('█');
  });

  it('is empty for 0 (and for a 0 max)', () => {
    expect(bar(0, 10, 20)).toBe('');
    expect(bar(5, 0, 20)).toBe('');
  });

  it('scales: half the value is half the cells', () => {
    expect(bar(5, 10, 20)).toBe('█'.repeat(10));
    expect(bar(1, 4, 40)).toBe('█'.repeat(10));
  });

  it('ends in a partial eighth block for fractions', () => {
    expect(bar(3, 8, 1)).toBe('▍'); // 3/8 of a cell
    expect(bar(1, 3, 10)).toBe('███▍'); // 80/3 ≈ 27 eighths = 3 cells + 3/8
    expect(bar(1, 16, 2)).toBe('▏'); // 1 eighth
  });

  it('shows at least one eighth for a tiny positive value', () => {
    expect(bar(1, 1000, 10)).toBe('▏');
  });

  it('never exceeds the width, grows with the value, uses only full then one partial block', () => {
    let prev = 0;
    for (let v = 0; v <= 37; v++) {
      const b = bar(v, 37, 13);
      const cells = [...b];
      expect(cells.length).toBeLessThanOrEqual(13);
      const eighths = cells.reduce((s, ch) => s + (ch === '█' ? 8 : EIGHTHS.indexOf(ch) + 1), 0);
      expect(eighths).toBeGreaterThanOrEqual(prev);
      expect(Math.abs(eighths - (v / 37) * 13 * 8)).toBeLessThanOrEqual(1);
      expect(cells.slice(0, -1).every((ch) => ch === '█')).toBe(true);
      prev = eighths;
    }
  });
});

/** Items over five months, with 2020-02 empty, and 0 or more undated ones. */
function sample(
  undatedCount: number,
  inferred?: InferredDate,
): { items: Item[]; t: (opts?: { normalize?: boolean }) => Timeline } {
  const items = [
    ...many('2020-01-10', 12),
    ...many('2020-03-05', 3),
    ...many('2020-04-20', 1),
    ...many('2020-05-31', 7),
  ];
  for (let i = 0; i < undatedCount; i++) items.push(item(null, { inferredDate: inferred ?? null }));
  return { items, t: () => buildTimeline(items, items, { by: 'month', inferred: !!inferred }) };
}

describe('renderTimeline at width 80 without colour', () => {
  const { t } = sample(0);
  const out = renderTimeline(t(), 'Timeline of all items · by month', plain80, false);
  const lines = out.replace(/\n$/, '').split('\n');

  it('has no line longer than 80 characters', () => {
    for (const line of lines) expect(len(line)).toBeLessThanOrEqual(80);
  });

  it('uses the width: the largest bucket has the longest bar', () => {
    const jan = lines.find((l) => l.startsWith('2020-01'))!;
    expect(len(jan)).toBeGreaterThan(70);
  });

  it('has one row per bucket, in order, with the count', () => {
    const rows = lines.filter((l) => /^\d{4}-\d{2}\s/.test(l));
    expect(rows.map((r) => r.slice(0, 7))).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05']);
    expect(rows.map((r) => Number(r.slice(7).trim().split(/\s+/)[0]))).toEqual([12, 0, 3, 1, 7]);
    expect(rows[1]!.trimEnd()).toMatch(/ 0$/); // empty month: no bar
  });

  it('starts with the header and ends with the undated line', () => {
    expect(lines[0]).toBe('Timeline of all items · by month');
    expect(lines[lines.length - 1]).toMatch(/^undated: 0 matching items with no date/);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('contains no ANSI escapes', () => {
    expect(out).not.toMatch(ANSI);
  });

  it('says "1 matching item" in the singular', () => {
    const one = sample(1);
    const o = renderTimeline(one.t(), 'h', plain80, false);
    expect(o).toMatch(/undated: 1 matching item with no date/);
  });

  // Regression: the undated line with its --inferred hint was about 105 characters, whatever the width.
  it('keeps the undated hint line within 80 characters', () => {
    const o = renderTimeline(sample(20).t(), 'Timeline of all items · by month', plain80, false);
    for (const line of o.split('\n')) expect(len(line)).toBeLessThanOrEqual(80);
  });

  // Regression: the inferred ░ run was appended after a bar that already filled the width.
  it('keeps rows with inferred items within 80 characters', () => {
    const { items } = sample(0);
    items.push(item(null, { inferredDate: { value: '2020-01', precision: 'month', evidence: 'January 2020' } }));
    const tl = buildTimeline(items, items, { by: 'month', inferred: true });
    expect(tl.buckets[0]!.inferred!.count).toBe(1);
    const o = renderTimeline(tl, 'h', plain80, false);
    for (const line of o.split('\n')) expect(len(line)).toBeLessThanOrEqual(80);
  });

  // Regression: the split matrix ignored the width: six columns of long series names, 14 characters each.
  it('keeps a split chart with long series names within 80 characters', () => {
    const names = [
      'Dominican Republic',
      'Trinidad and Tobago',
      'Antigua and Barbuda',
      'Saint Kitts and Nevis',
      'Saint Vincent and the Grenadines',
      'United States of America',
      'Mexico',
    ];
    const items = names.flatMap((n, k) => many('2020-01-01', 8 - k, { countries: [n], primaryCountry: n }));
    const tl = buildTimeline(items, items, { by: 'month', split: 'country' });
    const o = renderTimeline(tl, 'h', plain80, false);
    for (const line of o.split('\n')) expect(len(line)).toBeLessThanOrEqual(80);
  });
});

describe('renderTimeline with normalize', () => {
  it('shows a percentage with count/total on every row', () => {
    const items = [...many('2020-01-10', 2), ...many('2020-02-10', 1), ...many('2020-03-10', 3)];
    const all = [...items, ...many('2020-01-11', 6), ...many('2020-02-11', 1), item('2020-03-11')];
    const tl = buildTimeline(items, all, { by: 'month' });
    const out = renderTimeline(tl, 'h', plain80, true);
    const rows = out.split('\n').filter((l) => /^\d{4}-\d{2}\s/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('25% (2/8)');
    expect(rows[1]).toContain('50% (1/2)');
    expect(rows[2]).toContain('75% (3/4)');
    // the largest share, not the largest count, gets the full bar
    const barLen = (r: string) => [...r].filter((ch) => '█▏▎▍▌▋▊▉'.includes(ch)).length;
    expect(barLen(rows[2]!)).toBeGreaterThan(barLen(rows[0]!));
    for (const line of out.split('\n')) expect(len(line)).toBeLessThanOrEqual(80);
  });

  it('shows small shares with one decimal', () => {
    const items = [item('2020-01-10')];
    const all = [...items, ...many('2020-01-10', 39)];
    const out = renderTimeline(buildTimeline(items, all, { by: 'month' }), 'h', plain80, true);
    expect(out).toContain('2.5% (1/40)');
  });
});

describe('renderTimeline with colour', () => {
  it('uses ANSI escapes only when the style has colour', () => {
    const coloured = makeStyle({ isTTY: true, columns: 80, env: { FORCE_COLOR: '1' } });
    const { t } = sample(0);
    expect(renderTimeline(t(), 'h', coloured, false)).toMatch(ANSI);
  });
});
