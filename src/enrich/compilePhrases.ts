import { tokenize, type Word } from '../text/tokenize.js';

/** One phrase to look for, as folded tokens; a last token ending in "*" matches as a prefix. */
export interface Phrase<T> {
  tokens: string[];
  payload: T;
  /** the original text must start with a capital letter (proper names: "Chad" is not "chad") */
  capital: boolean;
}

/** Phrases indexed by their first token (or, for a one-word prefix, kept apart), longest first. */
export interface PhraseTable<T> {
  byFirst: ReadonlyMap<string, Phrase<T>[]>;
  prefixes: Phrase<T>[];
}

/** A phrase found in a text: which one, which word positions it covers, and the words as written. */
export interface PhraseMatch<T> {
  payload: T;
  start: number;
  end: number;
  text: string;
}

/**
 * Builds a phrase table from (text, payload) pairs; the text is folded and tokenized like page text.
 *
 * @example
 * const t = compilePhrases([{ text: 'Costa Rica', payload: 'CR' }]);
 * findPhrases(t, toWords('In Costa Rica.')).map(m => m.payload)  //=> ['CR']
 */
export function compilePhrases<T>(entries: Array<{ text: string; payload: T; capital?: boolean }>): PhraseTable<T> {
  const byFirst = new Map<string, Phrase<T>[]>();
  const prefixes: Phrase<T>[] = [];
  for (const e of entries) {
    const text = e.text.trim();
    const star = text.endsWith('*');
    const tokens = tokenize(star ? text.slice(0, -1) : text, false);
    if (tokens.length === 0) continue;
    if (star) tokens[tokens.length - 1] += '*';
    const phrase: Phrase<T> = { tokens, payload: e.payload, capital: e.capital ?? false };
    if (tokens.length === 1 && star) {
      prefixes.push(phrase);
      continue;
    }
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push(phrase);
    byFirst.set(tokens[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst, prefixes };
}

const tokenMatches = (pattern: string, term: string) =>
  pattern.endsWith('*') ? term.startsWith(pattern.slice(0, -1)) : pattern === term;
/** Whether a word starts with a capital letter: A–Z read directly, other letters by their Unicode category. */
const startsUpper = (raw: string) => {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(raw);
};
const capitalOk = (p: { capital: boolean }, w: Word) => !p.capital || startsUpper(w.raw);

/** A one-word prefix phrase, by its place in the table's list and its text without the "*". */
type PrefixEntry<T> = { at: number; stem: string; phrase: Phrase<T> };
/** A table's one-word prefixes by their first two letters (shorter ones apart), each list in the table's order. */
type PrefixIndex<T> = { byStart: Map<string, PrefixEntry<T>[]>; short: PrefixEntry<T>[] };
const prefixIndexes = new WeakMap<PhraseTable<unknown>, PrefixIndex<unknown>>();

function prefixIndex<T>(table: PhraseTable<T>): PrefixIndex<T> {
  let index = prefixIndexes.get(table) as PrefixIndex<T> | undefined;
  if (!index) {
    index = { byStart: new Map(), short: [] };
    table.prefixes.forEach((phrase, at) => {
      const stem = phrase.tokens[0]!.slice(0, -1);
      const entry = { at, stem, phrase };
      if (stem.length < 2) index!.short.push(entry);
      else {
        const list = index!.byStart.get(stem.slice(0, 2));
        if (list) list.push(entry);
        else index!.byStart.set(stem.slice(0, 2), [entry]);
      }
    });
    prefixIndexes.set(table, index as PrefixIndex<unknown>);
  }
  return index;
}

/** The first of a table's one-word prefixes (in its order) that a word matches, as `prefixes.find` would find it. */
function firstPrefix<T>(index: PrefixIndex<T>, w: Word): Phrase<T> | undefined {
  // no list made per word: this runs for every word no phrase of the table starts with
  const best = firstIn(index.byStart.get(w.term.slice(0, 2)), w, undefined);
  return firstIn(index.short, w, best)?.phrase;
}

/** The first entry of `list` a word matches that comes before `best` in the table (else `best`). */
function firstIn<T>(
  list: PrefixEntry<T>[] | undefined,
  w: Word,
  best: PrefixEntry<T> | undefined,
): PrefixEntry<T> | undefined {
  if (list)
    for (const e of list) {
      if (best && e.at >= best.at) break;
      if (w.term.startsWith(e.stem) && capitalOk(e.phrase, w)) return e;
    }
  return best;
}

/**
 * Finds phrases in a list of words, longest match first, without overlaps: "Guatemala City" is one match,
 * "Dominican Republic" never yields "Dominica", "Port of Spain" never yields "Spain".
 */
export function findPhrases<T>(table: PhraseTable<T>, words: Word[]): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const prefixes = table.prefixes.length > 0 ? prefixIndex(table) : undefined;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    let best: Phrase<T> | undefined;
    // plain loops: this runs for every word of every item, against both tables
    const candidates = table.byFirst.get(w.term);
    if (candidates !== undefined) {
      for (const p of candidates) {
        if (i + p.tokens.length > words.length || !capitalOk(p, w)) continue;
        let k = 0;
        while (k < p.tokens.length && tokenMatches(p.tokens[k]!, words[i + k]!.term)) k++;
        if (k === p.tokens.length) {
          best = p;
          break; // sorted longest first
        }
      }
    }
    // a multi-word pattern starting with a prefix token ("traffick* in persons") is rare: prefixes are one word
    if (best === undefined && prefixes !== undefined) best = firstPrefix(prefixes, w);
    if (best) {
      const end = i + best.tokens.length;
      out.push({
        payload: best.payload,
        start: i,
        end,
        text: words
          .slice(i, end)
          .map((x) => x.raw)
          .join(' '),
      });
      i = end;
    } else {
      i++;
    }
  }
  return out;
}
