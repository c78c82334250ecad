import { isExists } from 'date-fns/isExists';

/** A number as `width` digits at least, zeros in front. */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The years meso takes a date in: the site's news, with room on both sides. */
export const YEAR_RANGE = [1900, 2100] as const;

/**
 * Builds "YYYY-MM-DD" when the calendar date exists (in {@link YEAR_RANGE}), else null. A module of its own: the date filters need it,
 * and nothing else of the date parser, whose patterns take a while to make.
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < YEAR_RANGE[0] || year > YEAR_RANGE[1] || !isExists(year, month - 1, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
