import { stemmer } from 'stemmer';

/** Plurals the Porter stemmer leaves alone. */
const IRREGULAR = new Map(
  Object.entries({
    children: 'child',
    women: 'woman',
    men: 'man',
    people: 'person',
    persons: 'person',
    minors: 'minor',
  }),
);

/**
 * Words the Porter stemmer folds onto unrelated ones, given stems of their own: "training" is not the migrants'
 * "train" (La Bestia), "mobile" (phones, clinics) not "mobility", "informal" (work) not "information",
 * "internal" (displacement) not "international", an "organization" not an "organ" (organ trafficking),
 * "general" not "generation", "communication" not "community", "personal" not "person", "news" not "new", the
 * Spanish "país" not "paying". Each family keeps its own inflections together.
 */
const OWN = new Map(
  Object.entries({
    training: 'training trainings trained',
    mobile: 'mobile mobiles',
    informal: 'informal informally informality',
    internal: 'internal internally',
    organiz: 'organization organizations organize organized organizes organizing organizer organizers',
    general: 'general generally',
    communic: 'communication communications',
    personal: 'personal personally',
    news: 'news',
    pais: 'pais',
  }).flatMap(([s, words]) => words.split(' ').map((w): [string, string] => [w, s])),
);

/**
 * The stem a word's family was given apart from (see OWN) that a query for it still meets, one way: a query for
 * "training" meets "trains" and "train", the verb of news titles ("IOM Trains Medical Staff"), but a query for
 * a train does not meet the workshops.
 */
const WIDER = new Map([['training', 'train']]);

/** The stem a query word also searches, one way, beside its own (see WIDER); undefined for most words. */
export const widerStem = (term: string): string | undefined => WIDER.get(stem(term));

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
    s = known?.(term) ?? stemOnce(term);
    if (memo.size > 100_000) memo.clear();
    memo.set(term, s);
  }
  return s;
}

/** Stems are asked for the same few thousand words over and over. */
const memo = new Map<string, string>();

/**
 * Tells {@link stem} the stems of some words, worked out by this same code in another run (the build's, for the
 * shipped expansions' words): ignored unless there is one per word. A word already stemmed keeps its stem.
 */
export function rememberStems(words: readonly string[], stems: readonly string[]): void {
  if (words.length !== stems.length) return;
  for (let i = 0; i < words.length; i++) if (!memo.has(words[i]!) && stems[i]) memo.set(words[i]!, stems[i]!);
}

/** Where stems worked out in another run are found: see {@link useKnownStems}. */
let known: ((term: string) => string | undefined) | undefined;

/**
 * Has {@link stem} look a word up in `lookup` before it runs the stemmer: the stems a cached index recorded for
 * its words when it was counted, by this same code (see termIndex.ts). A search stems its words, its expansions',
 * and the words of its hits and of its feedback, most of them the corpus's: the stemmer's expressions take about
 * half a millisecond to compile in each run, and each word a few microseconds more. `lookup` answers undefined for
 * a word it does not know; the last one given is used.
 */
export function useKnownStems(lookup: (term: string) => string | undefined): void {
  known = lookup;
}

/** The stem of a folded term as {@link stem} works it out, without its memo or the stems it was told: for tests. */
export const stemAfresh = (term: string): string => stemOnce(term);

function stemOnce(term: string): string {
  if (term.length < 4 || /\d/.test(term)) return term;
  // Maps, not plain objects: `constructor` is a word of the news, not Object.prototype's
  const irregular = IRREGULAR.get(term) ?? OWN.get(term);
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
  const starts = [...new Set([...stems].map((s) => s.slice(0, Math.min(3, s.length - 1))))];
  const irregular = new Set([...IRREGULAR].flatMap(([w, s]) => (stems.has(s) ? [w] : [])));
  // (a loop over the few starts, not a closure and a slice per term)
  const stemmable = (term: string) => {
    for (let i = 0; i < starts.length; i++) if (term.startsWith(starts[i]!)) return true;
    return false;
  };
  return (term) => irregular.has(term) || (stemmable(term) && stems.has(stem(term)));
}
