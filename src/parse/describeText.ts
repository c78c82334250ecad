/** What a stretch of text looks like: a title, a paragraph, or a list of names (a tag line). */
export interface TextShape {
  /** short, no final full stop, no sentence break, no dateline: reads as a title */
  titleLike: boolean;
  /** ends a sentence, holds a sentence break, opens with a dateline, or is long: reads as a paragraph */
  paragraphLike: boolean;
  /** a list of capitalised names separated by commas ("Belize, Costa Rica, El Salvador") */
  nameList: boolean;
  /** the place of a dateline it opens with ("San José, Costa Rica" of "San José, Costa Rica. Officials…") */
  dateline: string | null;
  /** a title-like text long enough, or a paragraph short enough, that the reading may be wrong */
  doubtful: boolean;
}

/** A final full stop, colon, semicolon or ellipsis, maybe inside closing quotes or brackets. */
const STOP = /[.:;…]["”’»)\]]*$/u;
/** A sentence break inside the text: an end mark, then a capital (or an opening quote and a capital). */
const SENTENCE_BREAK = /(\S*)[.!?…]["”’»)]*\s+["“‘«(¿¡]?\p{Lu}/gu;
/** What every {@link SENTENCE_BREAK} holds: an end mark, then a capital. */
const BREAK_MARK = /[.!?…]["”’»)]*\s+["“‘«(¿¡]?\p{Lu}/u;
/** Words written with a full stop that ends no sentence ("St. Kitts", "Gen. Rodríguez", "U.S. Army"). */
const ABBREVIATION =
  /^(st|sto|sta|mr|mrs|ms|dr|dra|sr|sra|srta|gen|gov|col|capt|lt|sgt|prof|lic|ing|no|nos|núm|art|inc|ltd|co|jr|vs|etc|approx|dept|av|avda|p|pp|vol|fig|[\p{L}](\.[\p{L}])*)$/iu;

/**
 * Whether the text holds a sentence break: an end mark after a word that is not an abbreviation, then a capital.
 * With `questions` false, a question or exclamation mark does not count ("Should Migrants Be Detained? Alternatives
 * Discussed" is a title).
 */
function hasSentenceBreak(text: string, questions = true): boolean {
  // most texts hold no end mark followed by a capital at all: a quick scan for one before the costlier match,
  // whose leading word makes it try every position of every word
  if (!BREAK_MARK.test(text)) return false;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    const word = m[1]!.replace(/^["“‘«(¿¡]+/u, '');
    if (word === '' || !/[\p{Ll})\]”’"»0-9]$/u.test(word)) continue; // "U.S. Army", "IOM. A" is a label
    if (ABBREVIATION.test(word)) continue;
    if (!questions && /[?!]["”’»)]*\s+["“‘«(¿¡]?\p{Lu}$/u.test(m[0]!)) continue;
    return true;
  }
  return false;
}
/**
 * A dateline: one to six capitalised place words (with "de", "del", "la", "y", "/" and commas between), then a
 * full stop or a dash, then the story ("San José, Costa Rica. ", "Mexico City - ", "Tegucigalpa / Guatemala City – ").
 */
const DATELINE =
  /^((?:\p{Lu}[\p{L}'’.-]*)(?:(?:\s+|,\s+|\s*\/\s*)(?:de|del|la|las|los|el|y|and|of|da|do|\p{Lu}[\p{L}'’.-]*)){0,7})(?:,\s*(?:\d{1,2}\s+\p{L}+,?\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}))?\s*(?:\.\s*[–—-]?|\s[–—-])\s+["“]?[\p{Lu}\d]/u;
/** Words no title ends with (English and Spanish), or a comma: a text ending so was cut off. */
const CUT_OFF =
  /\s(the|of|and|or|to|in|an|for|with|from|on|by|at|into|its|their|that|which|who|de|la|el|los|las|del|al|que|con|por|para|una|sus|su)$|,$/u;
const NAME = /^(\p{Lu}[\p{L}'’.-]*)(\s+(de|del|la|las|los|el|y|and|of|the|\p{Lu}[\p{L}'’.-]*)){0,4}$/u;

/** Two or more capitalised names, separated by commas, "and" or "y". */
function isNameList(text: string): boolean {
  const parts = text.split(/\s*,\s*|\s+(?:and|y)\s+/u);
  return parts.length >= 2 && parts.every((p) => p.length > 0 && p.length <= 32 && NAME.test(p));
}

/**
 * Describes a (normalised, joined) stretch of text by the features that tell titles from paragraphs.
 *
 * @example
 * describeText('IOM Trains Nurses in Guatemala').titleLike                       //=> true
 * describeText('San José, Costa Rica. Officials met on Monday.').dateline        //=> 'San José, Costa Rica'
 * describeText('Belize, Costa Rica, El Salvador').nameList                        //=> true
 */
export function describeText(text: string): TextShape {
  const m = DATELINE.exec(text);
  // "IOM. Something" is not a dateline: the place must not be a run of capitals only
  const dateline = m && /\p{Ll}/u.test(m[1]!) && m[1]!.length <= 60 ? m[1]!.replace(/[.,]+$/, '') : null;
  const stop = STOP.test(text);
  // a short text with no final stop may ask a question and go on: a title ("Why Migrate? A Study of …")
  // (asked only where it tells: a text with a final stop is a paragraph anyway, and a doubtful one only when short)
  const breaks =
    (!stop || (text.length < 60 && dateline === null)) && hasSentenceBreak(text, stop || text.length > 150);
  const long = text.length > 250;
  // a text cut off mid-sentence ("… more than 300 families in the"): a teaser summary, never a title
  const cut = text.length >= 40 && CUT_OFF.test(text);
  // a dash after a name opens titles too ("MigrantApp - Effective Communication…"): a dateline counts when long
  const paragraphLike = stop || breaks || long || cut || (dateline !== null && text.length > 120);
  // cut into names only when it could be a list: most texts are paragraphs
  const nameList = !paragraphLike && text.length <= 200 && isNameList(text);
  const titleLike = !paragraphLike;
  const doubtful = titleLike ? text.length > 180 : text.length < 60 && !breaks && dateline === null;
  return { titleLike, paragraphLike, nameList, dateline, doubtful };
}
