import type { Item } from '../types.js';
import type { Gazetteer } from '../enrich/compileGazetteer.js';
import type { Taxonomy } from '../enrich/tables.js';
import { nameKey } from '../enrich/compileGazetteer.js';
import { UsageError } from '../errors.js';
import { isoDate, YEAR_RANGE } from '../parse/isoDate.js';
import { suggest } from './suggest.js';

/** The filters every item command takes; they combine with AND (values of one filter with OR). */
export interface Filters {
  countries: string[];
  topics: string[];
  /** inclusive "YYYY-MM-DD" bounds */
  since: string | null;
  until: string | null;
}

/** Filters as given on the command line, before they are checked. */
export interface FilterInput {
  country?: string[];
  topic?: string[];
  since?: string;
  until?: string;
  year?: string;
}

/**
 * The values of a repeatable, comma-separated flag, each resolved. A value that resolves whole is kept whole,
 * commas and all (the gazetteer knows "Taiwan, Province of China"); else it is split at its commas. An empty
 * value, or an empty name between commas, is a usage error: silently dropping it would widen the filter.
 */
function resolveList(
  values: string[] = [],
  flag: string,
  example: string,
  whole: (value: string) => string | undefined,
  resolve: (value: string) => string,
): string[] {
  const out: string[] = [];
  for (const value of values) {
    const kept = value.includes(',') ? whole(value) : undefined;
    if (kept) {
      out.push(kept);
      continue;
    }
    const parts = value.split(',').map((v) => v.trim());
    if (parts.some((v) => v === ''))
      throw new UsageError(
        value.trim() === ''
          ? `${flag} needs a value, e.g. ${flag} ${example}`
          : `${flag} ${JSON.stringify(value)} has an empty name between commas: give names separated by single commas, e.g. ${flag} ${example}`,
      );
    out.push(...parts.map(resolve));
  }
  return [...new Set(out)];
}

/** Resolves a country as typed (English or Spanish name, ISO code, demonym; any case or accents). */
export function resolveCountry(gazetteer: Gazetteer, input: string): string {
  const found = gazetteer.lookup.get(nameKey(input));
  if (found) return found;
  const hint = suggest(
    input,
    gazetteer.countries.map((c) => c.name),
  );
  throw new UsageError(
    `unknown country "${input}"${hint ? ` — did you mean "${hint}"?` : ''} (give an English or Spanish name or an ISO code, e.g. --country "Costa Rica", --country CR)`,
  );
}

/** Resolves a topic id or label as typed. */
export function resolveTopic(taxonomy: Taxonomy, input: string): string {
  const key = nameKey(input);
  const t = taxonomy.topics.find(
    (x) => x.id === key || nameKey(x.label) === key || (key === 'labor' && x.id === 'labour'),
  );
  if (t) return t.id;
  const hint = suggest(
    input,
    taxonomy.topics.map((x) => x.id),
  );
  throw new UsageError(
    `unknown topic "${input}"${hint ? ` — did you mean "${hint}"?` : ''} (one of: ${taxonomy.topics.map((x) => x.id).join(', ')})`,
  );
}

/**
 * Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first or last calendar day of that period. Pure string
 * arithmetic on calendar dates: no Date object, so no time-zone shift.
 *
 * @example
 * parseDateBound('2018-02', 'end', '--until')  //=> '2018-02-28'
 */
export function parseDateBound(value: string, edge: 'start' | 'end', flag: string): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  const fail = () =>
    new UsageError(
      `${flag} ${JSON.stringify(value)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. ${flag} 2018-06`,
    );
  if (!m) throw fail();
  const y = Number(m[1]);
  // (the years isoDate gives, which the items' dates are read within too)
  if (y < YEAR_RANGE[0] || y > YEAR_RANGE[1])
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is out of range: meso reads years from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]}, e.g. ${flag} 2018`,
    );
  const mo = m[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(m[2]);
  let d: number;
  if (m[3] !== undefined) d = Number(m[3]);
  else if (edge === 'start') d = 1;
  else d = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // last day of the month, computed in UTC
  const iso = isoDate(y, mo, d);
  if (!iso) throw fail();
  return iso;
}

/**
 * Checks and resolves the filter flags; throws UsageError with a suggestion for a bad value. The gazetteer and
 * taxonomy may be null when no country or topic is given: date bounds need neither.
 */
export function resolveFilters(input: FilterInput, gazetteer: Gazetteer | null, taxonomy: Taxonomy | null): Filters {
  // (an empty value is a mistake, not no bound: `--since "$FROM"` with FROM unset)
  let since = input.since !== undefined ? parseDateBound(input.since, 'start', '--since') : null;
  let until = input.until !== undefined ? parseDateBound(input.until, 'end', '--until') : null;
  if (input.year !== undefined) {
    if (!/^\d{4}$/.test(input.year.trim()))
      throw new UsageError(`--year ${JSON.stringify(input.year)} is not a year: use four digits, e.g. --year 2018`);
    const ys = parseDateBound(input.year, 'start', '--year');
    const ye = parseDateBound(input.year, 'end', '--year');
    since = since && since > ys ? since : ys;
    until = until && until < ye ? until : ye;
  }
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}: swap them`);
  return {
    countries: resolveList(
      input.country,
      '--country',
      '"Costa Rica"',
      (v) => gazetteer!.lookup.get(nameKey(v)),
      (c) => resolveCountry(gazetteer!, c),
    ),
    topics: resolveList(
      input.topic,
      '--topic',
      'trafficking',
      () => undefined,
      (t) => resolveTopic(taxonomy!, t),
    ),
    since,
    until,
  };
}

/** Whether any filter is set. */
export const hasFilters = (f: Filters) =>
  f.countries.length > 0 || f.topics.length > 0 || f.since !== null || f.until !== null;

/** The predicate of no filters: every item. Ranking knows it, and need not read items to ask it. */
export const allowAll = (_item: Item): boolean => true;

/**
 * The predicate for a set of filters ({@link allowAll} when none is set). With date bounds, undated items are
 * left out, unless `inferred` is set, in which case an item's inferred date stands in (its first day for a month
 * or year).
 */
export function matchFilters(f: Filters, inferred = false): (item: Item) => boolean {
  if (!hasFilters(f)) return allowAll;
  return (item) => {
    if (f.countries.length && !f.countries.some((c) => item.countries.includes(c))) return false;
    if (f.topics.length && !f.topics.some((t) => item.topics.includes(t))) return false;
    if (f.since || f.until) {
      const date = item.date ?? (inferred && item.inferredDate ? item.inferredDate.value : null);
      if (!date) return false;
      const lo = date.length === 10 ? date : `${date}${date.length === 4 ? '-01-01' : '-01'}`;
      const hi = date.length === 10 ? date : date.length === 4 ? `${date}-12-31` : `${date}-31`;
      if (f.since && hi < f.since) return false;
      if (f.until && lo > f.until) return false;
    }
    return true;
  };
}
