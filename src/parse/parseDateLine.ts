import { isExists } from 'date-fns/isExists';
import { foldText } from '../text/foldText.js';

/** English and Spanish month names (folded), and their usual abbreviations, to month numbers 1–12. */
const MONTHS = new Map<string, number>();
const NAMES = [
  ['january', 'jan', 'enero', 'ene'],
  ['february', 'feb', 'febrero'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo'],
  ['june', 'jun', 'junio'],
  ['july', 'jul', 'julio'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'diciembre', 'dic'],
];
for (const [i, names] of NAMES.entries()) for (const n of names) MONTHS.set(n, i + 1);

/** Looks a (folded) month name up: `Enero` → 1, `Sept.` → 9. */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(foldText(name).replace(/\.$/, ''));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Builds "YYYY-MM-DD" when the calendar date exists, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || !isExists(year, month - 1, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTH = '([a-zA-Z\\u00C0-\\u024F]+\\.?)';
/** Whole-line date forms the site uses, in English and Spanish. */
const FORMS: Array<[RegExp, (m: RegExpMatchArray) => [number, number | undefined, number]]> = [
  // 4 December, 2017 · 5 Enero, 2018 · 5 de enero de 2018 · 4 Dec 2017
  [
    new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:de\\s+)?${MONTH},?\\s*(?:de(?:l)?\\s+)?(\\d{4})$`, 'i'),
    (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  ],
  // December 4, 2017 · Enero 5, 2018
  [
    new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i'),
    (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  ],
  // 17 / 08 / 2021 · 17/08/2021 · 17-08-2021 · 17.08.2021 (day first, as on the site)
  [/^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/, (m) => [Number(m[4]), Number(m[3]), Number(m[1])]],
  // 2021-08-17
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
];

/**
 * Reads a line that is only a date, in the forms the site's pages use. Returns the ISO date, or null
 * when the line is not a date line (or names a day that does not exist).
 *
 * @example
 * parseDateLine('5 Enero, 2018')   //=> '2018-01-05'
 * parseDateLine('17 / 08 / 2021')  //=> '2021-08-17'
 * parseDateLine('31 June, 2018')   //=> null
 */
export function parseDateLine(line: string): string | null {
  if (line.length > 60) return null; // most lines are summaries: no need to look closer
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > 40 || !/\d{4}/.test(text)) return null;
  for (const [re, pick] of FORMS) {
    const m = text.match(re);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    if (mo === undefined) return null;
    return isoDate(y, mo, d);
  }
  return null;
}

/** Whether a line looks like a date line but names no real date ("31 June, 2018", "4 Decembr, 2017"). */
export function looksLikeBadDate(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= 40 &&
    /^\d{1,2}(\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|\s+[a-zA-Z\u00C0-\u024F]+\.?,?\s+)\d{4}$/.test(text) &&
    parseDateLine(text) === null
  );
}
