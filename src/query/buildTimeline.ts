import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Item } from '../types.js';

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** One calendar period of a timeline. */
export interface Bucket {
  /** "2018-07-06", "2018-W27", "2018-07", "2018-Q3" or "2018" */
  period: string;
  /** first and last calendar day, "YYYY-MM-DD" */
  start: string;
  end: string;
  /** matching items dated in the period */
  count: number;
  /** all items dated in the period (the denominator of share) */
  total: number;
  /** count / total, or 0 when the period has no items at all */
  share: number;
  ids: string[];
  /** with --inferred: items placed by a date inferred from their text, kept apart from count */
  inferred?: { count: number; ids: string[] };
}

/** The fields of a bucket, in the order JSON and CSV print them (`inferred` only with --inferred). */
export const BUCKET_FIELDS = ['period', 'start', 'end', 'count', 'total', 'share', 'ids'];

/** One series of a split timeline. */
export interface Series {
  value: string;
  buckets: Bucket[];
}

export interface Timeline {
  by: Granularity;
  buckets: Bucket[];
  series?: Series[];
  undated: { count: number; ids: string[] };
}

export interface TimelineOptions {
  by: Granularity | 'auto';
  /** inclusive "YYYY-MM-DD" bounds; default: first and last dated match */
  since?: string | null;
  until?: string | null;
  inferred?: boolean;
  split?: 'country' | 'topic';
  /** how many series before the rest become "other" */
  top?: number;
}

// Calendar dates are handled as local-time Date objects built from y/m/d and read back with local getters,
// so the calendar day never shifts, whatever TZ is.
const toDate = (iso: string) =>
  new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The period a calendar date falls in, with its first day. */
export function periodOf(iso: string, by: Granularity): { period: string; start: string } {
  const d = toDate(iso);
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  switch (by) {
    case 'day':
      return { period: iso, start: iso };
    case 'week': {
      const s = startOfISOWeek(d);
      return { period: `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}`, start: toIso(s) };
    }
    case 'month':
      return { period: `${y}-${pad(m)}`, start: `${y}-${pad(m)}-01` };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return { period: `${y}-Q${q + 1}`, start: `${y}-${pad(q * 3 + 1)}-01` };
    }
    case 'year':
      return { period: String(y), start: `${y}-01-01` };
  }
}

/** The first day of the next period. */
function nextStart(start: string, by: Granularity): string {
  const d = toDate(start);
  if (by === 'day') return toIso(addDays(d, 1));
  if (by === 'week') return toIso(addDays(d, 7));
  return toIso(addMonths(d, by === 'month' ? 1 : by === 'quarter' ? 3 : 12));
}

const lastDay = (start: string, by: Granularity) => toIso(addDays(toDate(nextStart(start, by)), -1));

/** Every period from the one holding `from` to the one holding `to`, with no gaps. */
export function periodsBetween(
  from: string,
  to: string,
  by: Granularity,
): Array<{ period: string; start: string; end: string }> {
  const out = [];
  let { start } = periodOf(from, by);
  const stop = periodOf(to, by).start;
  while (start <= stop && out.length < 100000) {
    out.push({ period: periodOf(start, by).period, start, end: lastDay(start, by) });
    start = nextStart(start, by);
  }
  return out;
}

/** The granularity that gives a readable number of rows (at most about three dozen) for a span. */
export function autoGranularity(from: string, to: string): Granularity {
  const days = differenceInCalendarDays(toDate(to), toDate(from)) + 1;
  if (days <= 31) return 'day';
  if (days <= 26 * 7) return 'week';
  if (days <= 36 * 31) return 'month';
  if (days <= 40 * 92) return 'quarter';
  return 'year';
}

const PRECISION_RANK = { day: 0, week: 1, month: 2, quarter: 3, year: 4 } as const;

/** Where an item's inferred date can be placed: only in buckets no finer than its precision. */
function inferredDay(item: Item, by: Granularity): string | null {
  const inf = item.inferredDate;
  if (!inf || PRECISION_RANK[inf.precision] > PRECISION_RANK[by]) return null;
  return inf.value.length === 10 ? inf.value : inf.value.length === 7 ? `${inf.value}-01` : `${inf.value}-01-01`;
}

/** The series value an item counts for in a split: its primary (or first) country, or its first topic. */
export function splitValue(item: Item, split: 'country' | 'topic'): string {
  if (split === 'country') return item.primaryCountry ?? item.countries[0] ?? '(none)';
  return item.topics[0] ?? '(none)';
}

/**
 * Counts matching items per calendar period, gap-free between the first and last dated match (or the
 * bounds), with each period's share of all items dated in it. Undated matches are counted apart; with
 * `inferred`, those with an inferred date precise enough are placed, marked, and still kept out of `count`.
 */
export function buildTimeline(matches: Item[], all: Item[], options: TimelineOptions): Timeline {
  const listed = matches
    .filter((i) => i.date !== null)
    .map((i) => i.date!)
    .sort();
  const undatedAll = matches.filter((i) => i.date === null);
  // the span (and so `auto`) comes from listed dates; inferred dates widen it only when they can be placed
  const span = (extra: string[]) => {
    const all = [...listed, ...extra].sort();
    return { from: options.since ?? all[0], to: options.until ?? all[all.length - 1] };
  };
  let { from, to } = span([]);
  const by = options.by !== 'auto' ? options.by : from && to ? autoGranularity(from, to) : 'month';
  if (options.inferred)
    ({ from, to } = span(undatedAll.map((i) => inferredDay(i, by)).filter((d): d is string => d !== null)));
  if (!from || !to) return { by, buckets: [], undated: { count: undatedAll.length, ids: undatedAll.map((i) => i.id) } };
  const periods = periodsBetween(from, to, by);
  const index = new Map(periods.map((p, i) => [p.period, i]));
  const totals = new Array<number>(periods.length).fill(0);
  for (const item of all) {
    if (item.date === null) continue;
    const i = index.get(periodOf(item.date, by).period);
    if (i !== undefined) totals[i]!++;
  }

  const fill = (items: Item[]): Bucket[] => {
    const buckets: Bucket[] = periods.map((p, i) => ({ ...p, count: 0, total: totals[i]!, share: 0, ids: [] }));
    for (const item of items) {
      if (item.date !== null) {
        const b = buckets[index.get(periodOf(item.date, by).period) ?? -1];
        if (b) b.count++, b.ids.push(item.id);
      } else if (options.inferred) {
        const day = inferredDay(item, by);
        const b = day ? buckets[index.get(periodOf(day, by).period) ?? -1] : undefined;
        if (b) {
          b.inferred ??= { count: 0, ids: [] };
          b.inferred.count++;
          b.inferred.ids.push(item.id);
        }
      }
    }
    for (const b of buckets) {
      b.share = b.total ? Math.round((b.count / b.total) * 1e4) / 1e4 : 0;
      if (options.inferred) b.inferred ??= { count: 0, ids: [] };
    }
    return buckets;
  };

  const buckets = fill(matches);
  const placed = new Set(buckets.flatMap((b) => b.inferred?.ids ?? []));
  const undated = undatedAll.filter((i) => !placed.has(i.id));
  const timeline: Timeline = { by, buckets, undated: { count: undated.length, ids: undated.map((i) => i.id) } };

  if (options.split) {
    const groups = new Map<string, Item[]>();
    for (const item of matches) {
      const v = splitValue(item, options.split);
      groups.set(v, [...(groups.get(v) ?? []), item]);
    }
    const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const top = options.top ?? 6;
    const head = ranked.slice(0, ranked.length > top ? top - 1 : top);
    const rest = ranked.slice(head.length).flatMap(([, items]) => items);
    timeline.series = head.map(([value, items]) => ({ value, buckets: fill(items) }));
    if (rest.length) timeline.series.push({ value: 'other', buckets: fill(rest) });
  }
  return timeline;
}
