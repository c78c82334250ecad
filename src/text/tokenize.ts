import { foldOffsets, foldText } from './foldText.js';

/** A word of folded text with where it stands in the folded string. */
export interface Token {
  /** the folded term */
  term: string;
  /** start offset in the folded text */
  start: number;
  /** end offset (exclusive) in the folded text */
  end: number;
}

/** A word: letters and digits, with inner apostrophes and hyphens kept so the word stays whole. */
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
/** The same for text that is all ASCII, where a plain character class is several times faster. */
const ASCII_WORD = /[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*/g;
/**
 * Text whose only characters beyond ASCII are neither letters nor digits (no-break space, « » ¿ ¡ ° ©, the
 * General Punctuation block: curly quotes, dashes, ellipsis; currency signs): the ASCII class finds exactly the
 * words the Unicode one finds there, and news text is mostly that. (ª º µ ² ³ ¹ ¼ ½ ¾ are letters or numbers.)
 */
const ASCII =
  /^[\u0000-\u007f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf]*$/;

/** Calls `visit` with the bounds of each word; it runs over every word of every page, twice. */
export function scanWords(s: string, visit: (start: number, end: number) => void): void {
  const re = ASCII.test(s) ? ASCII_WORD : WORD;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) visit(m.index, re.lastIndex);
}

/** The parts of a word as terms: possessive 's cut, apostrophes dropped; hyphenated words give their parts. */
function wordTerms(
  word: string,
  start: number,
  joined: boolean,
  push: (term: string, start: number, end: number) => void,
): void {
  const end = start + word.length;
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.includes("'")) w = w.replace(/'/g, '');
  if (!w.includes('-')) {
    if (w) push(w, start, end);
    return;
  }
  let offset = start;
  for (const part of w.split('-')) {
    if (part) push(part, offset, offset + part.length);
    offset += part.length + 1;
  }
  if (joined) push(w.replace(/-/g, ''), start, end);
}

/**
 * Splits already-folded text into terms with offsets. A hyphenated word yields its parts and the joined
 * form, so `covid-19`, `covid19` and `covid 19` meet; a possessive `'s` is dropped.
 *
 * @example
 * tokenizeFolded("anti-trafficking people's covid-19").map(t => t.term)
 * //=> ['anti', 'trafficking', 'antitrafficking', 'people', 'covid', '19', 'covid19']
 */
export function tokenizeFolded(folded: string, joined = true): Token[] {
  const out: Token[] = [];
  scanWords(folded, (start, end) =>
    wordTerms(folded.slice(start, end), start, joined, (term, s, e) => out.push({ term, start: s, end: e })),
  );
  return out;
}

/** Folds then tokenizes: the one tokenizer the index and the query parser share. */
export function tokenize(text: string, joined = true): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  scanWords(folded, (start, end) => wordTerms(folded.slice(start, end), start, joined, (term) => out.push(term)));
  return out;
}

/** A word of a text in reading order: its folded term, its spelling and where it stands in the text. */
export interface Word {
  term: string;
  /** the original spelling */
  raw: string;
  /** start offset in the original text */
  start: number;
  /** end offset (exclusive) in the original text */
  end: number;
}

/**
 * Splits text into words for phrase matching and highlighting: hyphenated words give their parts only, so
 * positions follow the text; offsets point into the original (unfolded) text.
 *
 * @example
 * toWords('Petén, COVID-19').map(w => [w.term, w.raw])
 * //=> [['peten', 'Petén'], ['covid', 'COVID'], ['19', '19']]
 */
export function toWords(text: string): Word[] {
  const { folded, map } = foldOffsets(text);
  const words: Word[] = [];
  scanWords(folded, (s, e) =>
    wordTerms(folded.slice(s, e), s, false, (term, start, end) => {
      if (map) {
        // the word ends after the original character that gave its last folded character, even when that
        // character folds to several ("㈀" → "(ᄀ)"): the next original boundary past it
        let j = end;
        while (map[j]! <= map[end - 1]!) j++;
        [start, end] = [map[start]!, map[j]!];
      }
      words.push({ term, raw: text.slice(start, end), start, end });
    }),
  );
  return words;
}
