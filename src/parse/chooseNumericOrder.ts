import type { NumericOrder } from './parseDateLine.js';
import { dateOfLine } from './parseLabelledDate.js';

/** An all-numeric date line, maybe after a weekday or a label: "17/08/2021", "Wed, 03/15/2017", "Fecha: 5-4-2019". */
const NUMERIC = /^(?:[\p{L}]+\s*:\s*)?(?:([\p{L}]+)\.?,?\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})$/u;
/** Weekday names, English and Spanish (folded to lower case, accents kept), to 0 (Sunday) – 6. */
const WEEKDAYS = new Map<string, number>();
for (const [i, names] of [
  ['sunday', 'sun', 'domingo', 'dom'],
  ['monday', 'mon', 'lunes', 'lun'],
  ['tuesday', 'tue', 'tues', 'martes', 'mar'],
  ['wednesday', 'wed', 'miércoles', 'miercoles', 'mié', 'mie'],
  ['thursday', 'thu', 'thurs', 'jueves', 'jue'],
  ['friday', 'fri', 'viernes', 'vie'],
  ['saturday', 'sat', 'sábado', 'sabado', 'sáb', 'sab'],
].entries())
  for (const n of names) WEEKDAYS.set(n, i);

/** The weekday of a day, or null when the day does not exist. */
function weekday(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? t.getUTCDay() : null;
}

/**
 * Chooses how a page writes its all-numeric dates. The site writes day first (`17 / 08 / 2021`); a page whose
 * numeric dates only make sense month first (`03/15/2017`: there is no month 15), or whose weekdays only fit
 * month first (`Wed, 03/08/2017`: 8 March 2017 was a Wednesday, 3 August a Thursday), is read month first.
 * Each date line is a vote; day first wins a tie.
 *
 * @example
 * chooseNumericOrder(['Wed, 03/15/2017', '', 'A title'])  //=> 'month-first'
 * chooseNumericOrder(['03/15/2017 - 10:00'])              //=> 'month-first'
 * chooseNumericOrder(['17 / 08 / 2021', '04/05/2021'])    //=> 'day-first'
 */
export function chooseNumericOrder(lines: string[]): NumericOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const line of lines) {
    if (line.length > 40) continue;
    const m = NUMERIC.exec(dateOfLine(line));
    if (!m) continue;
    const [a, b, y] = [Number(m[2]), Number(m[4]), Number(m[5])];
    const asDay = weekday(y, b, a); // day first: a is the day
    const asMonth = weekday(y, a, b);
    const named = m[1] === undefined ? undefined : WEEKDAYS.get(m[1].toLowerCase());
    if (named !== undefined) {
      // the weekday the page writes settles it when only one reading falls on it
      if (asDay === named && asMonth !== named) dayFirst++;
      else if (asMonth === named && asDay !== named) monthFirst++;
    } else if (asDay !== null && asMonth === null) dayFirst++;
    else if (asMonth !== null && asDay === null) monthFirst++;
  }
  return monthFirst > dayFirst ? 'month-first' : 'day-first';
}
