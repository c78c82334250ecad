import { expect, it } from 'vitest';
import { makeItem as item } from '../helpers/makeItem.js';
import { buildTimeline, periodOf, periodsBetween, type Granularity } from '../../src/query/buildTimeline.js';

/** [date, granularity, period, start, end]: calendar boundaries a timeline must get right in any time zone. */
export const BOUNDARIES: Array<[string, Granularity, string, string, string]> = [
  ['2019-12-31', 'month', '2019-12', '2019-12-01', '2019-12-31'],
  ['2020-01-01', 'month', '2020-01', '2020-01-01', '2020-01-31'],
  ['2019-12-31', 'year', '2019', '2019-01-01', '2019-12-31'],
  ['2020-01-01', 'year', '2020', '2020-01-01', '2020-12-31'],
  ['2019-12-31', 'quarter', '2019-Q4', '2019-10-01', '2019-12-31'],
  ['2020-01-01', 'quarter', '2020-Q1', '2020-01-01', '2020-03-31'],
  ['2020-03-31', 'quarter', '2020-Q1', '2020-01-01', '2020-03-31'],
  ['2020-04-01', 'quarter', '2020-Q2', '2020-04-01', '2020-06-30'],
  ['2020-02-28', 'month', '2020-02', '2020-02-01', '2020-02-29'],
  ['2020-02-29', 'month', '2020-02', '2020-02-01', '2020-02-29'],
  ['2020-03-01', 'month', '2020-03', '2020-03-01', '2020-03-31'],
  ['2019-02-28', 'month', '2019-02', '2019-02-01', '2019-02-28'],
  ['2020-02-29', 'day', '2020-02-29', '2020-02-29', '2020-02-29'],
  ['2020-12-31', 'week', '2020-W53', '2020-12-28', '2021-01-03'],
  ['2021-01-03', 'week', '2020-W53', '2020-12-28', '2021-01-03'],
  ['2021-01-04', 'week', '2021-W01', '2021-01-04', '2021-01-10'],
  ['2018-12-31', 'week', '2019-W01', '2018-12-31', '2019-01-06'],
];

/**
 * The calendar-boundary tests, registered in the calling describe: buildTimeline.test.ts runs them in the
 * default zone (America/Costa_Rica, UTC-6), buildTimeline.tz.test.ts in UTC+14, so that a day shifted by a
 * time zone fails in at least one of the two.
 */
export function calendarBoundaryTests(): void {
  it.each(BOUNDARIES)('%s by %s is in %s (%s..%s)', (date, by, period, start, end) => {
    expect(periodOf(date, by)).toEqual({ period, start });
    const t = buildTimeline([item(date)], [], { by });
    expect(t.buckets).toHaveLength(1);
    expect(t.buckets[0]).toMatchObject({ period, start, end, count: 1 });
  });

  it('splits 2019-12-31 and 2020-01-01 into different months, quarters and years', () => {
    const items = [item('2019-12-31'), item('2020-01-01')];
    for (const by of ['month', 'quarter', 'year'] as const) {
      expect(buildTimeline(items, items, { by }).buckets.map((b) => b.count)).toEqual([1, 1]);
    }
  });

  it('has a 2020-02-29 day bucket between 2020-02-28 and 2020-03-01', () => {
    const items = [item('2020-02-28'), item('2020-03-01')];
    const t = buildTimeline(items, items, { by: 'day' });
    expect(t.buckets.map((b) => [b.period, b.count])).toEqual([
      ['2020-02-28', 1],
      ['2020-02-29', 0],
      ['2020-03-01', 1],
    ]);
  });

  it('puts 2020-02-28, 2020-02-29 in February and 2020-03-01 in March', () => {
    const items = [item('2020-02-28'), item('2020-02-29'), item('2020-03-01')];
    const t = buildTimeline(items, items, { by: 'month' });
    expect(t.buckets.map((b) => [b.period, b.count, b.end])).toEqual([
      ['2020-02', 2, '2020-02-29'],
      ['2020-03', 1, '2020-03-31'],
    ]);
  });

  it('puts 2020-03-31 in Q1 and 2020-04-01 in Q2', () => {
    const items = [item('2020-03-31'), item('2020-04-01')];
    const t = buildTimeline(items, items, { by: 'quarter' });
    expect(t.buckets.map((b) => [b.period, b.count])).toEqual([
      ['2020-Q1', 1],
      ['2020-Q2', 1],
    ]);
  });

  it('walks ISO weeks across the 53-week year 2020 without gaps', () => {
    const items = [item('2020-12-21'), item('2021-01-11')];
    const t = buildTimeline(items, items, { by: 'week' });
    expect(t.buckets.map((b) => [b.period, b.start, b.end])).toEqual([
      ['2020-W52', '2020-12-21', '2020-12-27'],
      ['2020-W53', '2020-12-28', '2021-01-03'],
      ['2021-W01', '2021-01-04', '2021-01-10'],
      ['2021-W02', '2021-01-11', '2021-01-17'],
    ]);
    expect(t.buckets.map((b) => b.count)).toEqual([1, 0, 0, 1]);
  });

  it('counts 2020-12-31 and 2021-01-03 in 2020-W53 and 2021-01-04 in 2021-W01', () => {
    const items = [item('2020-12-31'), item('2021-01-03'), item('2021-01-04')];
    const t = buildTimeline(items, items, { by: 'week' });
    expect(t.buckets.map((b) => [b.period, b.start, b.end, b.count])).toEqual([
      ['2020-W53', '2020-12-28', '2021-01-03', 2],
      ['2021-W01', '2021-01-04', '2021-01-10', 1],
    ]);
  });

  it('puts 2018-12-31 in 2019-W01 with 2019-01-06', () => {
    const items = [item('2018-12-30'), item('2018-12-31'), item('2019-01-06')];
    const t = buildTimeline(items, items, { by: 'week' });
    expect(t.buckets.map((b) => [b.period, b.count])).toEqual([
      ['2018-W52', 1],
      ['2019-W01', 2],
    ]);
  });

  it('periodsBetween gives consecutive periods covering the range, each ending the day before the next starts', () => {
    for (const by of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const ps = periodsBetween('2019-11-20', '2021-02-10', by);
      expect(ps[0]!.start <= '2019-11-20').toBe(true);
      expect(ps[ps.length - 1]!.end >= '2021-02-10').toBe(true);
      for (let i = 1; i < ps.length; i++) {
        expect(Date.parse(`${ps[i]!.start}T00:00:00Z`) - Date.parse(`${ps[i - 1]!.end}T00:00:00Z`)).toBe(86400000);
      }
    }
  });
}
