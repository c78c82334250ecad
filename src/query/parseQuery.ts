import { UsageError } from '../errors.js';
import { tokenize } from '../text/tokenize.js';
import { foldText } from '../text/foldText.js';
import { isStopWord } from '../text/stopWords.js';

/** One part of a query: a word (maybe a prefix) or a phrase, maybe restricted to the title. */
export interface Clause {
  kind: 'term' | 'phrase';
  /** folded terms: one for a term, several for a phrase */
  terms: string[];
  /** `word*`: match any word starting with it */
  prefix: boolean;
  /** `title:word`: only in the title */
  titleOnly: boolean;
  /** written in quotes: the user wants these exact words, so no topic or country stands in for them */
  quoted: boolean;
  /**
   * must match, literally (by word, stem, prefix or near spelling, never by synonym): `+word`, a quoted phrase
   * or a `title:` term; other words are best-match (see rankItems)
   */
  required: boolean;
  /**
   * a stop word ("what", "de"), not in capitals ("WHO" is a name): not required, weighs little, never gets a
   * suggestion (see isStopWord)
   */
  stop: boolean;
  /** as the user typed it, for messages and `matched` */
  raw: string;
}

/** A parsed query: clauses to match (best match: the more the better), and clauses that must not. */
export interface Query {
  include: Clause[];
  exclude: Clause[];
  /** warnings about parts that were capped or ignored */
  notes: string[];
}

/** Most clauses a query may have; the rest are ignored with a note, so no query costs a minute of CPU. */
export const MAX_CLAUSES = 32;
/** Longest query text read. */
export const MAX_QUERY_CHARS = 2000;

const QUOTES = /["“”„«»]/u;

/** Punctuation that ends a word as written (a question's mark, a sentence's comma): see withoutMarks. */
const MARKS = '?!.,;:¿¡';

/**
 * A word as written without the punctuation at its end, when a letter or digit comes before it ("trafficking?"
 * → "trafficking", "?" stays "?"). Most words end in neither, and skip the expression (with Unicode classes, most
 * of a millisecond to compile).
 */
const withoutMarks = (raw: string): string =>
  raw !== '' && MARKS.includes(raw.at(-1)!) ? raw.replace(/(?<=[\p{L}\p{N}])[?!.,;:¿¡]+$/u, '') : raw;

/**
 * Parses the query language: words (best match: an item need not have them all), `+word` for a word that
 * must match, `"exact phrase"` (must match), `-word` and `-"phrase"` to exclude, `title:word` /
 * `title:"phrase"` for the title only (must match), `word*` for a prefix. Everything else is plain text:
 * regex characters mean nothing. Throws UsageError for an unclosed quote, an empty query, or one with only
 * exclusions.
 *
 * @example
 * parseQuery('"human trafficking" -Honduras title:return*')
 * //=> include: phrase [human, trafficking], term return (prefix, title); exclude: term honduras
 */
export function parseQuery(input: string): Query {
  const notes: string[] = [];
  let text = input;
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    notes.push(`query longer than ${MAX_QUERY_CHARS} characters: the rest was ignored`);
  }
  const include: Clause[] = [];
  const exclude: Clause[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/u.test(text[i]!)) i++;
    if (i >= n) break;
    const startAt = i;
    let negate = false;
    let plus = false;
    let titleOnly = false;
    // `-word` excludes; `--word` (a flag-like word, passed after `--`) is a plain word
    if (text[i] === '-' && i + 1 < n && text[i + 1] !== '-' && !/\s/u.test(text[i + 1]!)) {
      negate = true;
      i++;
    } else if (text[i] === '+' && i + 1 < n && !/[\s+]/u.test(text[i + 1]!)) {
      plus = true;
      i++;
    }
    if (foldText(text.slice(i, i + 6)) === 'title:' && i + 6 < n && !/\s/u.test(text[i + 6]!)) {
      titleOnly = true;
      i += 6;
    }
    let clause: Clause | null = null;
    if (QUOTES.test(text[i]!)) {
      const close = text.slice(i + 1).search(QUOTES);
      if (close < 0)
        throw new UsageError(`unclosed quote in query: ${input.trim()} — close the phrase with a matching "`);
      const inner = text.slice(i + 1, i + 1 + close);
      i = i + 2 + close;
      const terms = tokenize(inner, false);
      if (terms.length > 0)
        clause = {
          kind: terms.length > 1 ? 'phrase' : 'term',
          terms,
          prefix: false,
          titleOnly,
          quoted: true,
          required: true,
          stop: false,
          raw: text.slice(startAt, i),
        };
    } else {
      let j = i;
      while (j < n && !/\s/u.test(text[j]!) && !QUOTES.test(text[j]!)) j++;
      const word = text.slice(i, j);
      i = j;
      const prefix = word.endsWith('*') && word.length > 1;
      const terms = tokenize(word, false);
      const required = plus || titleOnly;
      // a question's mark or a sentence's comma is not part of the word the user means
      const raw = withoutMarks(text.slice(startAt, i));
      if (terms.length === 1) {
        // a word in capitals is a name, not a stop word: WHO, US
        const stop = !required && !prefix && isStopWord(terms[0]!) && !/^\p{Lu}{2,}$/u.test(word);
        clause = { kind: 'term', terms, prefix, titleOnly, quoted: false, required, stop, raw };
      } else if (terms.length > 1)
        clause = { kind: 'phrase', terms, prefix: false, titleOnly, quoted: false, required, stop: false, raw }; // COVID-19, people's
    }
    if (!clause) continue;
    const list = negate ? exclude : include;
    if (include.length + exclude.length >= MAX_CLAUSES) {
      notes.push(`query has more than ${MAX_CLAUSES} parts: only the first ${MAX_CLAUSES} were used`);
      break;
    }
    list.push(clause);
  }
  if (include.length === 0) {
    if (exclude.length > 0)
      throw new UsageError(
        `query has only exclusions (${exclude.map((c) => c.raw).join(' ')}): add a word to search for`,
      );
    throw new UsageError(
      `query has no words to search for${input.trim() ? `: ${JSON.stringify(input.trim())}` : ''} — try: meso search trafficking`,
    );
  }
  return { include, exclude, notes };
}
