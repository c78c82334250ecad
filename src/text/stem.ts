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
  // own keys only: `constructor` is a word of the news, not Object.prototype's
  const irregular = Object.hasOwn(IRREGULAR, term) ? IRREGULAR[term] : undefined;
  if (irregular) return irregular;
  const ee = /^(.{4,}[nty])ees?$/.exec(term);
  return stemmer(ee ? ee[1]! : term);
}

/**
 * A test of whether a folded term stems to one of `stems`, which stems only terms that can: the Porter stemmer
 * changes only the end of a word (a final y made i, an e added, a suffix made shorter), so a stem but for its last
 * letter starts its word, and a term that starts otherwise (first three letters) is never stemmed; the irregular
 * plurals are looked up. Describing a search's hits asks this of every word of their text.
 */
export function stemsTo(stems: ReadonlySet<string>): (term: string) => boolean {
  const starts = new Set<string>();
  for (const s of stems) starts.add(s.slice(0, Math.min(3, s.length - 1)));
  const irregular = new Set(Object.entries(IRREGULAR).flatMap(([w, s]) => (stems.has(s) ? [w] : [])));
  const lengths = [...new Set([...starts].map((s) => s.length))];
  return (term) => irregular.has(term) || (lengths.some((n) => starts.has(term.slice(0, n))) && stems.has(stem(term)));
}
