/** Quote-like and apostrophe-like characters that all fold to a plain apostrophe. */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u00B4\u0060\u2032]/g;

/**
 * Folds text for matching: NFKD, diacritics removed, lower case, apostrophes unified.
 * Keeps the length relation simple: use {@link foldWithMap} when offsets into the original matter.
 *
 * @example
 * foldText('Petén’s CAFÉ')
 * //=> "peten's cafe"
 */
export function foldText(text: string): string {
  // apostrophes first: NFKD turns the acute accent ´ (U+00B4, as in "didn´t") into a space and a combining mark
  return text.replace(APOSTROPHES, "'").normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Folds text one code point at a time and records, for every folded character, the index of the original
 * character it came from, so a match found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldText(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}
