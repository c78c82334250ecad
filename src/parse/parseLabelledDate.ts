import { dateLineProblem, parseDateLine, type NumericOrder } from './parseDateLine.js';

/**
 * What a page may write before a date on its date line: a weekday, "Posted on", "Publicado el", "Date:", the kind
 * of story a search result or a listing labels it with ("News · 14 February 2019", "Noticias | 5 de marzo de 2021").
 */
const POSTED = '(?:posted|published|updated|publicado|publicada|actualizado)(?:\\s+(?:on|el))?\\s*:?';
const STORY_KIND =
  '(?:news|noticias?|press release|comunicado(?: de prensa)?|story|historia|article|art[ií]culo|blog|event|evento|publication|publicaci[oó]n|feature|reportaje|video)\\s*[·|–—-]';
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\\.?,?';
const PREFIX = new RegExp(`^(?:${POSTED}\\s*|(?:date|fecha)\\s*:\\s*|${STORY_KIND}\\s*)?(?:${WEEKDAY}\\s+)?`, 'i');

/** What a page may write after a date: a time ("- 10:00", ", 3:30 pm", "| 10:00 h") or a lone separator. */
const SUFFIX = /\s*(?:[-–—|,·]\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.\s?m\.|p\.\s?m\.|h|hrs|horas))?)?\s*[-–—|·]?$/i;

/**
 * Reads a date line as {@link parseDateLine} does, also when the page writes a weekday or a label before the date
 * ("Thursday, 5 December 2018", "Publicado el 5 de diciembre de 2018"). Null when the line is not a date line.
 *
 * @example
 * parseLabelledDate('Thursday, 5 December 2018')  //=> '2018-12-05'
 * parseLabelledDate('5 Enero, 2018')               //=> '2018-01-05'
 */
export function parseLabelledDate(line: string, order: NumericOrder = 'day-first'): string | null {
  const plain = parseDateLine(line, order);
  if (plain !== null || line.length > 80) return plain;
  const rest = stripDatePrefix(line);
  return rest === null ? null : parseDateLine(rest, order);
}

/** Why a date line, maybe with a weekday or a label before it, names no usable day; null for any other line. */
export function labelledDateProblem(line: string, order: NumericOrder = 'day-first'): string | null {
  const plain = dateLineProblem(line, order);
  if (plain !== null || line.length > 80) return plain;
  const rest = stripDatePrefix(line);
  return rest === null ? null : dateLineProblem(rest, order);
}

/**
 * A byline beside the date: after it ("June 5, 2019 by IOM Mesoamerica", "5 de junio de 2019 por OIM"), or before
 * it with a separator ("By Jorge Gallo | June 5, 2019"). The name starts with a capital.
 */
const BYLINE_AFTER = /\s+(?:[Bb]y|[Pp]or)\s+\p{Lu}[\p{L}\p{M}'’.\- &]{0,60}$/u;
const BYLINE_BEFORE = /^(?:[Bb]y|[Pp]or)\s+\p{Lu}[^|·]{0,60}?\s*[|·]\s*/u;

/** A date line without the time or separator a page may write after the date ("03/15/2017 - 10:00" → "03/15/2017"). */
export const withoutTime = (line: string): string => line.trim().replace(SUFFIX, '');

/** A label before a date that is not a weekday: "Posted on", "Publicado el", "News ·" (see PREFIX). */
const LABEL = new RegExp(`^(?:${POSTED}\\s+|${STORY_KIND}\\s*)`, 'i');

/**
 * A date line without its byline, label or time, its weekday kept ("Posted Wed, 03/15/2017 by IOM" → "Wed,
 * 03/15/2017"): what chooseNumericOrder reads a page's numeric dates from.
 */
export const dateOfLine = (line: string): string =>
  withoutTime(line.trim().replace(BYLINE_BEFORE, '').replace(LABEL, '').replace(BYLINE_AFTER, ''));

/**
 * The line without its weekday or label, byline, or time ("Wed, 03/15/2017 - 10:00" → "03/15/2017"), or null when
 * it has none.
 */
function stripDatePrefix(line: string): string | null {
  const rest = line.trim().replace(BYLINE_BEFORE, '').replace(PREFIX, '').replace(BYLINE_AFTER, '').replace(SUFFIX, '');
  return rest.length < line.trim().length && rest.length > 0 ? rest : null;
}
