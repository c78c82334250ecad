import { describe, it, expect } from 'vitest';
import { calendarBoundaryTests } from './timelineBoundaries.js';
import { makeItem as item } from '../helpers/makeItem.js';
import { buildTimeline, autoGranularity, type Timeline } from '../../src/query/buildTimeline.js';
import type { Item, InferredDate } from '../../src/types.js';

const undated = (inferredDate: InferredDate | null = null, extra: Partial<Item> = {}) =>
  item(null, { inferredDate, ...extra });
const byPeriod = (t: Timeline) => Object.fromEntries(t.buckets.map((b) => [b.period, b]));

describe('buildTimeline: calendar boundaries (default TZ)', calendarBoundaryTests);

describe('buildTimeline: range and gaps', () => {
  it('fills empty periods with 0 between two dated items', () => {
    const items = [item('2020-01-15'), item('2020-04-02')];
    const t = buildTimeline(items, items, { by: 'month' });
    expect(t.buckets.map((b) => [b.period, b.count])).toEqual([
      ['2020-01', 1],
      ['2020-02', 0],
      ['2020-03', 0],
      ['2020-04', 1],
    ]);
    expect(t.buckets[1]).toMatchObject({ total: 0, share: 0, ids: [] });
  });

  it('extends the range to since/until bounds', () => {
    const items = [item('2020-03-10')];
    const t = buildTimeline(items, items, { by: 'month', since: '2020-01-20', until: '2020-05-01' });
    expect(t.buckets.map((b) => b.period)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05']);
    expect(t.buckets.map((b) => b.count)).toEqual([0, 0, 1, 0, 0]);
  });

  it('returns no buckets when nothing is dated', () => {
    const items = [undated(), undated()];
    const t = buildTimeline(items, items, { by: 'month' });
    expect(t.buckets).toEqual([]);
    expect(t.undated.count).toBe(2);
  });
});

describe('buildTimeline: auto granularity', () => {
  it.each([
    ['2020-01-01', '2020-01-31', 'day'],
    ['2020-01-01', '2020-02-01', 'week'],
    ['2020-01-01', '2020-06-30', 'week'], // 182 days = 26 weeks (2020 is a leap year)
    ['2020-01-01', '2020-07-01', 'month'], // 183 days
    ['2020-01-01', '2022-12-31', 'month'],
    ['2020-01-01', '2023-12-31', 'quarter'],
    ['2000-01-01', '2015-12-31', 'year'],
  ] as const)('%s..%s -> %s', (from, to, by) => {
    expect(autoGranularity(from, to)).toBe(by);
    const items = [item(from), item(to)];
    expect(buildTimeline(items, items, { by: 'auto' }).by).toBe(by);
  });

  it('auto takes the since/until bounds into account', () => {
    const items = [item('2020-01-05')];
    expect(buildTimeline(items, items, { by: 'auto' }).by).toBe('day');
    expect(buildTimeline(items, items, { by: 'auto', since: '2005-01-01', until: '2020-12-31' }).by).toBe('year');
  });
});

describe('buildTimeline: share and total', () => {
  it('total counts all items dated in the period, share = count/total', () => {
    const a = item('2020-01-03');
    const b = item('2020-01-20');
    const c = item('2020-01-31');
    const d = item('2020-02-01');
    const e = item('2020-02-02');
    const u = undated();
    const all = [a, b, c, d, e, u];
    const t = buildTimeline([a, d, e], all, { by: 'month' });
    const p = byPeriod(t);
    expect(p['2020-01']).toMatchObject({ count: 1, total: 3, ids: [a.id] });
    expect(p['2020-01']!.share).toBeCloseTo(1 / 3, 4);
    expect(p['2020-02']).toMatchObject({ count: 2, total: 2, share: 1 });
  });

  it('total ignores items outside the period range', () => {
    const x = item('2020-05-05');
    const t = buildTimeline([x], [x, item('2019-01-01'), item('2021-01-01')], { by: 'month' });
    expect(t.buckets).toHaveLength(1);
    expect(t.buckets[0]).toMatchObject({ count: 1, total: 1, share: 1 });
  });
});

describe('buildTimeline: split', () => {
  const mk = (date: string | null, country: string, topic: string) =>
    item(date, { countries: [country], primaryCountry: country, topics: [topic] });
  const items = [
    ...['2020-01-02', '2020-01-09', '2020-03-01', '2020-03-05'].map((d) => mk(d, 'Guatemala', 'trafficking')),
    ...['2020-01-03', '2020-03-02', '2020-03-03'].map((d) => mk(d, 'Honduras', 'borders')),
    ...['2020-01-04', '2020-03-09'].map((d) => mk(d, 'Belize', 'children')),
    mk('2020-03-20', 'Panama', 'health'),
    mk(null, 'Panama', 'health'),
  ];

  for (const split of ['country', 'topic'] as const) {
    it(`per-series counts sum to the unsplit count in every bucket (${split})`, () => {
      const t = buildTimeline(items, items, { by: 'month', split });
      expect(t.series!.length).toBeGreaterThan(1);
      t.buckets.forEach((b, i) => {
        const sum = t.series!.reduce((s, se) => s + se.buckets[i]!.count, 0);
        expect(sum).toBe(b.count);
        for (const se of t.series!) expect(se.buckets[i]!.period).toBe(b.period);
      });
      expect(t.buckets.map((b) => b.count)).toEqual([4, 0, 6]);
    });
  }

  it('keeps the largest values and folds the rest into "other" beyond top', () => {
    const t = buildTimeline(items, items, { by: 'month', split: 'country', top: 3 });
    expect(t.series!.map((s) => s.value)).toEqual(['Guatemala', 'Honduras', 'other']);
    const other = t.series![2]!;
    // Belize 2020-01, 2020-03 + Panama 2020-03
    expect(other.buckets.map((b) => b.count)).toEqual([1, 0, 2]);
  });

  it('has no "other" when there are no more values than top', () => {
    const t = buildTimeline(items, items, { by: 'month', split: 'country', top: 4 });
    expect(t.series!.map((s) => s.value)).toEqual(['Guatemala', 'Honduras', 'Belize', 'Panama']);
  });

  it('uses primaryCountry, then first country, then (none)', () => {
    const xs = [
      item('2020-01-01', { countries: ['Mexico', 'Belize'], primaryCountry: null }),
      item('2020-01-02', { countries: ['Belize'], primaryCountry: 'Belize' }),
      item('2020-01-03'),
    ];
    const t = buildTimeline(xs, xs, { by: 'month', split: 'country' });
    expect(t.series!.map((s) => s.value).sort()).toEqual(['(none)', 'Belize', 'Mexico']);
  });
});

describe('buildTimeline: undated and inferred', () => {
  it('counts undated items apart and never in buckets', () => {
    const d1 = item('2020-01-01');
    const d2 = item('2020-03-01');
    const u1 = undated({ value: '2020-02', precision: 'month', evidence: 'February 2020' });
    const u2 = undated();
    const xs = [d1, d2, u1, u2];
    const t = buildTimeline(xs, xs, { by: 'month' });
    expect(t.undated).toEqual({ count: 2, ids: [u1.id, u2.id] });
    expect(t.buckets.reduce((s, b) => s + b.count, 0)).toBe(2);
    expect(t.buckets.reduce((s, b) => s + b.total, 0)).toBe(2);
    expect(t.buckets.flatMap((b) => b.ids)).not.toContain(u1.id);
    expect(t.buckets.every((b) => b.inferred === undefined)).toBe(true);
  });

  it('with inferred, places a month-precision date in a month bucket, kept out of count', () => {
    const d1 = item('2020-01-01');
    const d2 = item('2020-03-31');
    const u1 = undated({ value: '2020-02', precision: 'month', evidence: 'February 2020' });
    const u2 = undated();
    const xs = [d1, d2, u1, u2];
    const t = buildTimeline(xs, xs, { by: 'month', inferred: true });
    const feb = byPeriod(t)['2020-02']!;
    expect(feb.count).toBe(0);
    expect(feb.ids).toEqual([]);
    expect(feb.inferred).toEqual({ count: 1, ids: [u1.id] });
    expect(byPeriod(t)['2020-01']!.inferred).toEqual({ count: 0, ids: [] });
    expect(t.undated).toEqual({ count: 1, ids: [u2.id] });
    expect(t.buckets.reduce((s, b) => s + b.count, 0)).toBe(2);
  });

  it('with inferred, does not place a month-precision date in a day bucket', () => {
    const d1 = item('2020-02-01');
    const d2 = item('2020-02-03');
    const u1 = undated({ value: '2020-02', precision: 'month', evidence: 'February 2020' });
    const xs = [d1, d2, u1];
    const t = buildTimeline(xs, xs, { by: 'day', inferred: true });
    expect(t.buckets.map((b) => b.period)).toEqual(['2020-02-01', '2020-02-02', '2020-02-03']);
    expect(t.buckets.every((b) => b.inferred!.count === 0)).toBe(true);
    expect(t.undated).toEqual({ count: 1, ids: [u1.id] });
  });

  it('with inferred, places a day-precision date in a day bucket', () => {
    const d1 = item('2020-02-01');
    const u1 = undated({ value: '2020-02-03', precision: 'day', evidence: '3 February 2020' });
    const xs = [d1, u1];
    const t = buildTimeline(xs, xs, { by: 'day', inferred: true });
    expect(byPeriod(t)['2020-02-03']!.inferred).toEqual({ count: 1, ids: [u1.id] });
    expect(byPeriod(t)['2020-02-03']!.count).toBe(0);
    expect(t.undated.count).toBe(0);
  });
});
