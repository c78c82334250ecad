import { isExists } from 'date-fns/isExists';

/** A number as `width` digits at least, zeros in front. */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Builds "YYYY-MM-DD" when the calendar date exists, else null. A module of its own: the date filters need it,
 * and nothing else of the date parser, whose patterns take a while to make.
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || !isExists(year, month - 1, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
