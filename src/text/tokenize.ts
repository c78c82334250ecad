import { foldText, foldWithMap } from './foldText.js';

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
const WORD = /[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*/gu;

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
  for (const m of folded.matchAll(WORD)) {
    const start = m.index ?? 0;
    let word = m[0];
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (word.includes("'")) word = word.replace(/'/g, '');
    if (word.includes('-')) {
      let offset = start;
      for (const part of word.split('-')) {
        if (part) out.push({ term: part, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
      if (joined) out.push({ term: word.replace(/-/g, ''), start, end: start + m[0].length });
    } else if (word) {
      out.push({ term: word, start, end: start + m[0].length });
    }
  }
  return out;
}

/** Folds then tokenizes: the one tokenizer the index and the query parser share. */
export function tokenize(text: string, joined = true): string[] {
  return tokenizeFolded(foldText(text), joined).map((t) => t.term);
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
  const { folded, map } = foldWithMap(text);
  return tokenizeFolded(folded, false).map((t) => {
    const start = map[t.start]!;
    const end = map[t.end] ?? text.length;
    return { term: t.term, raw: text.slice(start, end), start, end };
  });
}
