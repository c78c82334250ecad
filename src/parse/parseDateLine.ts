import { isoDate, pad, YEAR_RANGE } from './isoDate.js';
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

const MONTH = '([a-zA-Z\\u00C0-\\u024F]+\\.?)';
/** A year as a date line may write it: three to six digits, so that `99999` is a bad year, not a title. */
const YEAR = '(\\d{3,6})';

/** How a page writes all-numeric dates: `17/08/2021` (day first, as the site does) or `08/17/2021` (month first). */
export type NumericOrder = 'day-first' | 'month-first';

/** What a date form read: year, month (undefined for a word that is no month), day, and the month as written. */
interface Parts {
  y: number;
  mo: number | undefined;
  d: number;
  /** the month as written, when it is a word */
  word?: string;
  /** numeric day-first forms: a month over 12 may be a month-first date */
  numeric?: boolean;
}

/**
 * Whole-line date forms the site uses, in English and Spanish. `anyWord`: the form is date-shaped whatever
 * its word ("4 Decembr, 2017" is a misspelt date); otherwise only with a real month name, so that
 * "Agenda 21, 2030" stays a title.
 */
const FORMS: Array<{ re: RegExp; anyWord?: boolean; pick: (m: RegExpMatchArray, order: NumericOrder) => Parts }> = [
  // 4 December, 2017 · 5 Enero, 2018 · 5 de enero de 2018 · 4 Dec 2017
  {
    re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:de\\s+)?${MONTH},?\\s*(?:de(?:l)?\\s+)?${YEAR}$`, 'i'),
    anyWord: true,
    pick: (m) => ({ y: Number(m[3]), mo: monthNumber(m[2]!), d: Number(m[1]), word: m[2]! }),
  },
  // December 4, 2017 · Enero 5, 2018
  {
    re: new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}$`, 'i'),
    pick: (m) => ({ y: Number(m[3]), mo: monthNumber(m[1]!), d: Number(m[2]), word: m[1]! }),
  },
  // 17 / 08 / 2021 · 17/08/2021 · 17-08-2021 · 17.08.2021 (day first, as on the site; month first on some pages)
  {
    re: /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{3,6})$/,
    pick: (m, order) =>
      order === 'month-first'
        ? { y: Number(m[4]), mo: Number(m[1]), d: Number(m[3]), numeric: true }
        : { y: Number(m[4]), mo: Number(m[3]), d: Number(m[1]), numeric: true },
  },
  // 5-Dec-2018 · 5/Dec/2018
  {
    re: new RegExp(`^(\\d{1,2})\\s*([-/])\\s*${MONTH}\\s*\\2\\s*${YEAR}$`, 'i'),
    pick: (m) => ({ y: Number(m[4]), mo: monthNumber(m[3]!), d: Number(m[1]), word: m[3]! }),
  },
  // 2021-08-17 · 2021/08/17
  {
    re: /^(\d{4,6})([-/])(\d{2})\2(\d{2})$/,
    pick: (m) => ({ y: Number(m[1]), mo: Number(m[3]), d: Number(m[4]) }),
  },
];

/** January … December, for messages: the English name that heads each month's names above. */
const MONTH_NAMES = NAMES.map(([en]) => en![0]!.toUpperCase() + en!.slice(1));

/** How many days a month has in a year (any year: a 5-digit one too, for the message). */
function daysIn(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(2000 + (year % 400), month, 0); // the calendar repeats every 400 years: any year works
  return t.getUTCDate();
}

/** What a date-shaped line says: the ISO date it names, or why it names none. */
export type DateLineReading = { date: string } | { problem: string };

/** Why a day/month/year names no date meso can use, or null when it does. */
function problemWith({ y, mo, d, word, numeric }: Parts, order: NumericOrder): string | null {
  if (mo === undefined) return `line looks like a date but names no real calendar day: no month is called "${word}"`;
  if (mo < 1 || mo > 12) {
    const swapped =
      numeric && d >= 1 && d <= 12 && mo <= 31
        ? order === 'month-first'
          ? ` (the dates of this page are month first: ${pad(d)}/${mo}/${y}?)`
          : ` (dates are day first: ${mo}/${pad(d)}/${y}?)`
        : '';
    return `line looks like a date but names no real calendar day: there is no month ${mo}${swapped}`;
  }
  const days = daysIn(y, mo);
  if (d < 1 || d > days) {
    const why = d < 1 ? `there is no day ${d}` : `${MONTH_NAMES[mo - 1]} ${y} has ${days} days, not ${d}`;
    return `line looks like a date but names no real calendar day: ${why}`;
  }
  if (y < YEAR_RANGE[0] || y > YEAR_RANGE[1])
    return `line looks like a date, but its year ${y} is out of range: meso takes dates from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]}`;
  return null;
}

/**
 * Reads a line that is only a date, in the forms the site's pages use. Returns null for a line that is not
 * date-shaped; `{ date }` with the ISO date for a real day; `{ problem }` saying why for a date-shaped line
 * that names no usable day: a day the month does not have, a month that does not exist, a word that is no
 * month, or a year outside 1900–2100.
 *
 * @example
 * readDateLine('5 Enero, 2018')      //=> { date: '2018-01-05' }
 * readDateLine('February 31, 2019')  //=> { problem: 'line looks like a date but names no real calendar day: February 2019 has 28 days, not 31' }
 * readDateLine('1 January, 1899')    //=> { problem: 'line looks like a date, but its year 1899 is out of range: meso takes dates from 1900 to 2100' }
 * readDateLine('A title')            //=> null
 */
export function readDateLine(line: string, order: NumericOrder = 'day-first'): DateLineReading | null {
  if (line.length > 60) return null; // most lines are summaries: no need to look closer
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > 40 || !/\d{3}/.test(text)) return null;
  for (const { re, anyWord, pick } of FORMS) {
    const m = text.match(re);
    if (!m) continue;
    const parts = pick(m, order);
    if (parts.mo === undefined && !anyWord) continue;
    const problem = problemWith(parts, order);
    return problem ? { problem } : { date: isoDate(parts.y, parts.mo!, parts.d)! };
  }
  return null;
}

/**
 * Reads a line that is only a date, in the forms the site's pages use. Returns the ISO date, or null
 * when the line is not a date line (or names a day that does not exist: see {@link readDateLine} for why).
 *
 * @example
 * parseDateLine('5 Enero, 2018')   //=> '2018-01-05'
 * parseDateLine('17 / 08 / 2021')  //=> '2021-08-17'
 * parseDateLine('31 June, 2018')   //=> null
 */
export function parseDateLine(line: string, order: NumericOrder = 'day-first'): string | null {
  const r = readDateLine(line, order);
  return r && 'date' in r ? r.date : null;
}

/**
 * Why a date-shaped line names no usable day ("31 June, 2018", "4 Decembr, 2017", "1 January, 1899"), or
 * null for a real date line and for any other line.
 */
export function dateLineProblem(line: string, order: NumericOrder = 'day-first'): string | null {
  const r = readDateLine(line, order);
  return r && 'problem' in r ? r.problem : null;
}

/** Whether a line looks like a date line but names no real date ("31 June, 2018", "4 Decembr, 2017"). */
export function looksLikeBadDate(line: string, order: NumericOrder = 'day-first'): boolean {
  return dateLineProblem(line, order) !== null;
}
