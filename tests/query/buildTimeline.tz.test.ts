// @vitest-environment node
// Repeats the calendar-boundary assertions of buildTimeline.test.ts under a UTC+14 zone (the default run uses
// America/Costa_Rica, UTC-6), so a day shifted by a time zone fails in at least one of the two files.
process.env.TZ = 'Pacific/Kiritimati';

import { describe, it, expect } from 'vitest';
import { makeItem as item } from '../helpers/makeItem.js';
import { BOUNDARIES } from './timelineBoundaries.js';
import type { Item } from '../../src/types.js';
import type { Granularity } from '../../src/query/buildTimeline.js';

const { buildTimeline, periodOf, periodsBetween } = await import('../../src/query/buildTimeline.js');



describe('buildTimeline under Pacific/Kiritimati (UTC+14)', () => {
  it('really runs in UTC+14', () => {
    expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(-14 * 60);
  });

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

  it('puts 2020-03-31 in Q1 and 2020-04-01 in Q2', () => {
    const items = [item('2020-03-31'), item('2020-04-01')];
    const t = buildTimeline(items, items, { by: 'quarter' });
    expect(t.buckets.map((b) => [b.period, b.count])).toEqual([
      ['2020-Q1', 1],
      ['2020-Q2', 1],
    ]);
  });

  it('counts 2020-12-31 and 2021-01-03 in 2020-W53 and 2021-01-04 in 2021-W01', () => {
    const items = [item('2020-12-31'), item('2021-01-03'), item('2021-01-04')];
    const t = buildTimeline(items, items, { by: 'week' });
    expect(t.buckets.map((b) => [b.period, b.start, b.end, b.count])).toEqual([
      ['2020-W53', '2020-12-28', '2021-01-03', 2],
      ['2021-W01', '2021-01-04', '2021-01-10', 1],
    ]);
  });

  it('periodsBetween gives consecutive periods whose end is the day before the next start', () => {
    for (const by of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const ps = periodsBetween('2019-11-20', '2021-02-10', by);
      expect(ps[0]!.start <= '2019-11-20').toBe(true);
      expect(ps[ps.length - 1]!.end >= '2021-02-10').toBe(true);
      for (let i = 1; i < ps.length; i++) {
        const gap = Date.parse(`${ps[i]!.start}T00:00:00Z`) - Date.parse(`${ps[i - 1]!.end}T00:00:00Z`);
        expect(gap).toBe(86400000);
      }
    }
  });
});
