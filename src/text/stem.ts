import { stemmer } from 'stemmer';

/** Plurals the Porter stemmer leaves alone. */
const IRREGULAR: Record<string, string> = {
  children: 'child',
  women: 'woman',
  men: 'man',
  people: 'person',
  persons: 'person',
  minors: 'minor',
};

/**
 * A light English stem of a folded term (Porter, from the `stemmer` package), with two fixes for news about
 * migration: irregular plurals, and "-ee" nouns that name the person an action is done to ("returnees" →
 * "return", "deportees" → "deport"). Numbers and short words are kept as they are.
 *
 * @example
 * stem('returnees') //=> 'return'
 * stem('trafficked') //=> 'traffick'
 * stem('traffic') //=> 'traffic'
 */
export function stem(term: string): string {
  let s = memo.get(term);
  if (s === undefined) {
    s = stemOnce(term);
    if (memo.size > 100_000) memo.clear();
    memo.set(term, s);
  }
  return s;
}

/** Stems are asked for the same few thousand words over and over. */
const memo = new Map<string, string>();

function stemOnce(term: string): string {
  if (term.length < 4 || /\d/.test(term)) return term;
  const irregular = IRREGULAR[term];
  if (irregular) return irregular;
  const ee = /^(.{4,}[nty])ees?$/.exec(term);
  return stemmer(ee ? ee[1]! : term);
}
