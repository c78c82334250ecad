import { parseDateLine } from './parseDateLine.js';

/** What a page may write before a date on its date line: a weekday, "Posted on", "Publicado el", "Date:". */
const PREFIX =
  /^(?:(?:posted|published|updated|publicado|publicada|actualizado)(?:\s+(?:on|el))?\s*:?\s*|(?:date|fecha)\s*:\s*)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\.?,?\s+)?/i;

/**
 * Reads a date line as {@link parseDateLine} does, also when the page writes a weekday or a label before the date
 * ("Thursday, 5 December 2018", "Publicado el 5 de diciembre de 2018"). Null when the line is not a date line.
 *
 * @example
 * parseLabelledDate('Thursday, 5 December 2018')  //=> '2018-12-05'
 * parseLabelledDate('5 Enero, 2018')               //=> '2018-01-05'
 */
export function parseLabelledDate(line: string): string | null {
  const plain = parseDateLine(line);
  if (plain !== null || line.length > 80) return plain;
  const rest = line.trim().replace(PREFIX, '');
  return rest.length < line.trim().length && rest.length > 0 ? parseDateLine(rest) : null;
}
