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
  const decomposed = text.replace(APOSTROPHES, "'").normalize('NFKD');
  return decomposed.replace(LATIN.test(decomposed) ? LATIN_MARKS : (marks ??= /\p{M}+/gu), '').toLowerCase();
}

/**
 * Text of the Latin, IPA and punctuation blocks (U+0000–U+036F, U+2000–U+206F), where the only marks are the
 * combining diacritics U+0300–U+036F: removing those removes every mark (\p{M}) there. Most news text decomposes to
 * that, and the Unicode class is compiled (most of a millisecond) only for text that needs it.
 */
const LATIN = /^[\u0000-\u036f\u2000-\u206f]*$/;
const LATIN_MARKS = /[\u0300-\u036f]+/g;
let marks: RegExp | undefined;

/** Folds of the non-ASCII characters seen so far: a page uses few distinct ones, many times. */
const charFolds = new Map<string, string>();

/**
 * Folds text one code point at a time and records, for every folded character, the index of the original
 * character it came from, so a match found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const { folded, map } = foldOffsets(text);
  return { folded, map: map ?? Array.from({ length: text.length + 1 }, (_, i) => i) };
}

/**
 * {@link foldWithMap}, with no map (`null`) when every character folded to exactly one (most text: accents,
 * curly quotes and dashes each fold to one character): the offsets are then the same in both, and no array of
 * a number per character is made (describing a search's hits folded every word of their texts).
 */
export function foldOffsets(text: string): { folded: string; map: number[] | null } {
  if (PLAIN.test(text)) return { folded: text.toLowerCase(), map: null };
  const n = text.length;
  let map: number[] | null = null;
  // runs of plain ASCII are lower-cased a run at a time; only the other characters are folded one by one
  let folded = '';
  let run = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c !== 0x60) {
      map?.push(i);
      i++;
      continue;
    }
    if (run < i) folded += text.slice(run, i).toLowerCase();
    const d = text.charCodeAt(i + 1);
    const ch = c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000 ? text.slice(i, i + 2) : text[i]!;
    let f = charFolds.get(ch);
    if (f === undefined) charFolds.set(ch, (f = foldText(ch)));
    if (!map && (f.length !== 1 || ch.length !== 1)) {
      // the first character that is not one folding to one: the offsets part here (folded so far is as long as text)
      map = [];
      for (let k = 0; k < i; k++) map.push(k);
    }
    if (map) for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
    run = i;
  }
  if (run < n) folded += text.slice(run).toLowerCase();
  map?.push(n);
  return { folded, map };
}
