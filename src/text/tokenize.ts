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

/**
 * A word: letters and digits, with inner apostrophes and hyphens kept so the word stays whole. Matched where a
 * word begins (sticky), after a gap expression has stepped over what cannot begin one: testing these two, rather than
 * searching with a global expression, makes no array per word (exec's match), and a search's hits and the index
 * alike scan every word of their texts.
 */
const ASCII_WORD = /[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*/y;
/** What lies between words: characters that begin none. */
const ASCII_GAP = /[^A-Za-z0-9]*/y;
/**
 * The same two for any text (Unicode letters and numbers), made when first needed: an expression with property
 * escapes takes a fraction of a millisecond to make, and news text is mostly {@link ASCII}.
 */
let unicode: { word: RegExp; gap: RegExp } | undefined;
/**
 * Text whose only characters beyond ASCII are neither letters nor digits (no-break space, « » ¿ ¡ ° ©, the
 * General Punctuation block: curly quotes, dashes, ellipsis; currency signs): the ASCII classes find exactly the
 * words the Unicode ones find there, and several times faster. (ª º µ ² ³ ¹ ¼ ½ ¾ are letters or numbers.)
 */
const ASCII =
  /^[\u0000-\u007f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf]*$/;

/** What is neither a letter nor a digit, in text that is {@link ASCII} (see scanWords), and in any text. */
const ASCII_NON_ALNUM = /[^A-Za-z0-9]+/;
let nonAlnum: RegExp | undefined;

/**
 * The runs of letters and digits of a text, as `text.split(/[^\p{L}\p{N}]+/u)` gives them (empty strings
 * included), with the ASCII class when the text is {@link ASCII}: the Unicode one costs about half a millisecond
 * the first time it runs, which a search would pay for a query of plain words.
 */
export function splitAlnum(text: string): string[] {
  return text.split(ASCII.test(text) ? ASCII_NON_ALNUM : (nonAlnum ??= /[^\p{L}\p{N}]+/u));
}

/** Calls `visit` with the bounds of each word; it runs over every word of every page, twice. */
export function scanWords(s: string, visit: (start: number, end: number) => void): void {
  let word = ASCII_WORD;
  let gap = ASCII_GAP;
  if (!ASCII.test(s)) {
    unicode ??= { word: /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/uy, gap: /[^\p{L}\p{N}]*/uy };
    ({ word, gap } = unicode);
  }
  for (let at = 0; ; ) {
    gap.lastIndex = at;
    gap.test(s); // always true: it matches nothing at all where a word begins
    const start = gap.lastIndex;
    if (start >= s.length) return;
    word.lastIndex = start;
    if (!word.test(s)) return; // a letter or digit begins one, so this never returns
    at = word.lastIndex;
    visit(start, at);
  }
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
  if (!w.includes('-')) {
    if (w.includes("'")) w = w.replace(/'/g, '');
    if (w) push(w, start, end);
    return;
  }
  // the parts' bounds are counted on the word as written, apostrophes included ("o'neil-smith": smith at 7)
  let offset = start;
  for (const part of w.split('-')) {
    const term = part.includes("'") ? part.replace(/'/g, '') : part;
    if (term) push(term, offset, offset + part.length);
    offset += part.length + 1;
  }
  if (joined) push(w.replace(/['-]/g, ''), start, end);
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
  // one callback for all the words (made per word, it would be an object per word, as garbage)
  const push = (term: string, start: number, end: number) => {
    out.push({ term, start, end });
  };
  scanWords(folded, (start, end) => wordTerms(folded.slice(start, end), start, joined, push));
  return out;
}

/** Folds then tokenizes: the one tokenizer the index and the query parser share. */
export function tokenize(text: string, joined = true): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  const push = (term: string) => {
    out.push(term);
  };
  scanWords(folded, (start, end) => wordTerms(folded.slice(start, end), start, joined, push));
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
  const words: Word[] = [];
  eachWord(text, (term, start, end) => {
    words.push({ term, raw: text.slice(start, end), start, end });
  });
  return words;
}

/**
 * The words {@link toWords} gives, handed to `visit` one by one as their folded term and bounds in `text`,
 * without an object or a copy of the spelling per word: a search's snippets look at every word of each hit's
 * text for the few that match.
 */
export function eachWord(text: string, visit: (term: string, start: number, end: number) => void): void {
  const { folded, map } = foldOffsets(text);
  const mapped = (term: string, start: number, end: number) => {
    // the word ends after the original character that gave its last folded character, even when that
    // character folds to several ("㈀" → "(ᄀ)"): the next original boundary past it
    let j = end;
    while (map![j]! <= map![end - 1]!) j++;
    visit(term, map![start]!, map![j]!);
  };
  const onTerm = map ? mapped : visit;
  scanWords(folded, (s, e) => wordTerms(folded.slice(s, e), s, false, onTerm));
}
