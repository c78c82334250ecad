/** Quote-like and apostrophe-like characters that all fold to a plain apostrophe. */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u00B4\u0060\u2032]/g;
/** Text that folding only lower-cases. */
const PLAIN = /^[\u0000-\u005F\u0061-\u007F]*$/;

/**
 * Folds text for matching: NFKD, diacritics removed, lower case, apostrophes unified.
 * Keeps the length relation simple: use {@link foldWithMap} when offsets into the original matter.
 *
 * @example
 * foldText('Petén’s CAFÉ')
 * //=> "peten's cafe"
 */
export function foldText(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase(); // ASCII without a backtick: nothing to fold but case
  // apostrophes first: NFKD turns the acute accent ´ (U+00B4, as in "didn´t") into a space and a combining mark
  return text.replace(APOSTROPHES, "'").normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folds of the non-ASCII characters seen so far: a page uses few distinct ones, many times. */
const charFolds = new Map<string, string>();

/**
 * Folds text one code point at a time and records, for every folded character, the index of the original
 * character it came from, so a match found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  if (PLAIN.test(text)) return { folded: text.toLowerCase(), map: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    let f = ch.length === 1 && ch.charCodeAt(0) < 0x80 && ch !== '`' ? ch.toLowerCase() : charFolds.get(ch);
    if (f === undefined) charFolds.set(ch, (f = foldText(ch)));
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}
