import type { Clause, Query } from './parseQuery.js';
import type { Field } from '../indexing/buildIndex.js';
import { FIELDS, stemQueries } from '../indexing/buildIndex.js';
import type { Vocabulary } from '../indexing/termIndex.js';
import { keyOf, type Expansions, type ExpansionKind } from './loadExpansions.js';
import { stem, widerStem } from '../text/stem.js';
import { isWeakWord } from '../text/stopWords.js';

/** How a query term matched: literally (exact, stem, prefix, fuzzy), or through an expansion. */
export type ProbeHow = 'exact' | 'stem' | 'prefix' | 'fuzzy' | 'synonym' | 'acronym' | 'feedback';

/** One index search: a term as written, its stem, a prefix or a near spelling. */
export interface Probe {
  how: ProbeHow;
  /** the folded term searched (a stem probe searches its stemQueries) */
  term: string;
  /** times the field boosts; relative to an exact match of a query word */
  weight: number;
  /** edits allowed (fuzzy probes) */
  fuzzy?: number;
  /** a prefix probe */
  prefix?: boolean;
  /** searches the term's stem (its stemQueries), not the term */
  stem?: boolean;
  fields: Field[];
}

/** Something that must match as a whole: every word, each by any of its probes. */
export interface Unit {
  /** the include clauses it stands for (by number); none for feedback terms */
  covers: number[];
  how: 'literal' | ExpansionKind | 'feedback';
  /** what it searches, as a reader would write it: the clause as typed, or the expression */
  label: string;
  words: Probe[][];
  /** a phrase: the words must also stand adjacent and in order in a field */
  phrase?: string[];
}

/** A query made ready to search: its literal clauses, what may stand for them, and feedback terms. */
export interface Plan {
  query: Query;
  /** one per include clause, in order */
  literals: Unit[];
  /** each a list of alternatives: the best one counts */
  expansions: Unit[][];
  feedback: Unit[];
  /** clauses that count towards how many query words an item matches */
  content: number[];
  /** clauses that must match literally */
  required: number[];
  /**
   * content clauses that are a generic word of a question ("help", "services", "apoyo": see isWeakWord), not
   * part of a longer expression the thesaurus knows ("support services"): they count WEIGHT.weak of another
   * word in how much of the query an item matches
   */
  weak: number[];
  /** content clauses that are a year (2021): an item dated that year matches them, whether or not it says so */
  years: number[];
  /** every clause required (`--all`) */
  all: boolean;
}

/** Weights of the ways a word can match, relative to an exact match. */
export const WEIGHT = {
  exact: 1,
  prefix: 0.6,
  stem: 0.7,
  fuzzy: 0.35,
  synonym: 0.5,
  acronym: 0.8,
  stop: 0.1,
  /** of a generic word of a question, in how much of the query an item matches (see Plan.weak) */
  weak: 0.7,
};

/** Largest edit distance for a fuzzy match of a term of this length: none below 5 letters, 1 to 8, else 2. */
export const fuzzyDistance = (term: string) => (term.length < 5 ? 0 : term.length <= 8 ? 1 : 2);

/** What planning asks of the index: whether a term (or its stem) is in it. */
export interface Known {
  has(term: string): boolean;
}

/** Whether a term (or its stem) is in the corpus: a known word is never matched fuzzily. */
export function known(lookup: Known, term: string): boolean {
  return [term, ...stemQueries(term)].some((t) => lookup.has(t));
}

/**
 * The other forms of a Spanish word that the corpus has, which English stems leave apart: its other gender and
 * number ("deportadas" for deportados, "trabajadoras" for trabajador), and the nouns, adjectives and
 * participles of the same root ("retornadas" and "retornados" for retorno, "regulariza" for regularizar).
 * Only forms the corpus has are returned, so an English word rarely meets any.
 */
export function spanishForms(term: string, lookup: Known): string[] {
  if (/\d/.test(term)) return [];
  const out = new Set<string>();
  const gender = splitEnding(term, GENDER, 3);
  if (gender) {
    const endings = gender[1].startsWith('or') ? ['or', 'ora', 'ores', 'oras'] : ['o', 'a', 'os', 'as'];
    for (const e of endings) out.add(gender[0] + e);
  }
  const family = splitEnding(term, FAMILY_ENDINGS, 4);
  // participles come from verbs, participles and nouns in -o (retorno → retornados), not from nouns in -a or -e,
  // whose roots meet unrelated participles (trata, trafficking → tratado, treaty; parte → partido)
  if (family && !NOUN_ENDINGS.includes(family[1])) for (const e of FAMILY) out.add(family[0] + e);
  out.delete(term);
  return [...out].filter((f) => lookup.has(f));
}

/** The endings of gender and number {@link spanishForms} swaps, and those of a root's family it takes off. */
const GENDER = ['ores', 'oras', 'ora', 'or', 'os', 'as', 'o', 'a'];
const FAMILY_ENDINGS = [
  'ados',
  'adas',
  'ado',
  'ada',
  'idos',
  'idas',
  'ido',
  'ida',
  'ar',
  'ir',
  'os',
  'as',
  'o',
  'a',
  'es',
  'e',
];
/** Endings of nouns in -a or -e, whose roots make no participles (see spanishForms). */
const NOUN_ENDINGS = ['a', 'as', 'e', 'es'];

/**
 * A word cut before the longest of `endings` it ends with, at least `min` characters before it: what
 * `^(.{min,}?)(ending|…)$` matches in a word (the shortest root is the longest ending), without compiling that
 * expression in every search that meets a Spanish word (a tenth of a millisecond).
 */
export function splitEnding(word: string, endings: readonly string[], min: number): [string, string] | undefined {
  let best: string | undefined;
  for (const e of endings)
    if (word.length - e.length >= min && word.endsWith(e) && (best === undefined || e.length > best.length)) best = e;
  return best === undefined ? undefined : [word.slice(0, word.length - best.length), best];
}

/**
 * The other spelling of an English word, British or American, when the corpus has it: labour and labor,
 * organisation and organization, mobilise and mobilize, centre and center, programme and program, defence and
 * defense, analyse and analyze, enrolment and enrollment. Their stems differ, so stemming alone does not meet
 * them. Only forms the corpus has are returned, so a rule that makes a word no one writes ("sector" → sectour)
 * costs nothing.
 */
export function spellingVariants(term: string, lookup: Known): string[] {
  if (term.length < 5 || /\d/.test(term)) return [];
  const out = new Set<string>();
  for (const [from, to, letters] of SPELLINGS) {
    // a rule applies only to a word with the letters it changes: most words have none of them, and skip the
    // expression (each is compiled when it first runs, in a search on its first word)
    if (term.includes(letters) && from.test(term)) out.add(term.replace(from, to));
  }
  out.delete(term);
  return [...out].filter((f) => lookup.has(f));
}

/**
 * British ↔ American spelling rules, both ways: a pattern of the word's end, what it becomes, and the letters it
 * changes (which a word must have for the pattern to match).
 */
const SPELLINGS: Array<[RegExp, string, string]> = [
  [/(?<=^[a-z]{3,})our(?=s?$|ed$|ing$|ers?$|ite$|ites$|able$|ably$|hood$)/, 'or', 'our'],
  [/(?<=^[a-z]{2,}[bhilmnpv])or(?=s?$|ed$|ing$|ers?$|ite$|ites$|able$|ably$|hood$)/, 'our', 'or'],
  [/(?<=^[a-z]{3,})is(?=e$|es$|ed$|ing$|ation$|ations$|er$|ers$)/, 'iz', 'is'],
  [/(?<=^[a-z]{3,})iz(?=e$|es$|ed$|ing$|ation$|ations$|er$|ers$)/, 'is', 'iz'],
  [/(?<=^[a-z]{2,})ys(?=e$|es$|ed$|ing$)/, 'yz', 'ys'],
  [/(?<=^[a-z]{2,})yz(?=e$|es$|ed$|ing$)/, 'ys', 'yz'],
  [/(?<=^[a-z]{3,})tre(?=s?$)/, 'ter', 'tre'],
  [/(?<=^[a-z]{3,})ter(?=s?$)/, 'tre', 'ter'],
  [/^programme(?=s?$)/, 'program', 'programme'],
  [/^program(?=s?$)/, 'programme', 'program'],
  [/^(def|lic|off|pret)ence(?=s?$)/, '$1ense', 'ence'],
  [/^(def|lic|off|pret)ense(?=s?$)/, '$1ence', 'ense'],
  [/(?<=^[a-z]{3,}[^l]l)ment(?=s?$)/, 'lment', 'ment'],
  [/(?<=^[a-z]{3,})llment(?=s?$)/, 'lment', 'llment'],
];

/** Endings of a Spanish root's nouns, adjectives and participles, both genders and numbers. */
const FAMILY = ['o', 'a', 'os', 'as', 'ado', 'ada', 'ados', 'adas', 'ido', 'ida', 'idos', 'idas'];

/**
 * A word as written and by stem. A word that is its own stem ("return") is indexed once, so its stem search
 * would meet it again: its exact probe carries the stem's weight too, and its stem probe looks for the other
 * words of that stem only ("~return": returned, returns).
 */
function formProbes(how: ProbeHow, term: string, fields: Field[], weight: number, stemHow: ProbeHow = how): Probe[] {
  const own = stem(term) === term;
  return [
    { how, term, weight: own ? weight * (1 + WEIGHT.stem) : weight, fields },
    own
      ? { how: stemHow, term: `~${term}`, weight: weight * WEIGHT.stem, fields }
      : { how: stemHow, term, weight: weight * WEIGHT.stem, stem: true, fields },
  ];
}

/** The probes of a literal word: as written and by stem, its Spanish forms; a word the corpus lacks, by near spelling too. */
function wordProbes(term: string, fields: Field[], weight: number, lookup: Known, fuzzy: boolean): Probe[] {
  const probes = formProbes('exact', term, fields, weight, 'stem');
  const wider = widerStem(term);
  if (wider) probes.push({ how: 'stem', term: wider, weight: weight * WEIGHT.stem, stem: true, fields });
  for (const f of spanishForms(term, lookup))
    probes.push({ how: 'stem', term: f, weight: weight * WEIGHT.stem, fields });
  // the same word in the other spelling: as written, and by its stem
  for (const f of spellingVariants(term, lookup)) probes.push(...formProbes('stem', f, fields, weight));
  const d = fuzzyDistance(term);
  if (fuzzy && d > 0 && !known(lookup, term))
    probes.push({ how: 'fuzzy', term, weight: weight * WEIGHT.fuzzy, fuzzy: d, fields });
  return probes;
}

function literalUnit(c: Clause, i: number, lookup: Known, allStop: boolean, all: boolean): Unit {
  const fields: Field[] = c.titleOnly ? ['title'] : FIELDS;
  const weight = c.stop && !allStop ? WEIGHT.stop : 1;
  // a stop word among other words is not searched: it would count for nothing, and weigh next to nothing
  if (c.stop && !allStop) return { covers: [i], how: 'literal', label: c.raw, words: [] };
  const words = c.terms.map((term) =>
    c.prefix
      ? [{ how: 'prefix' as const, term, weight: weight * WEIGHT.exact, prefix: true, fields }]
      : // a near spelling only for a plain word: a quoted word, a title: word and --all are taken literally
        wordProbes(term, fields, weight, lookup, c.kind === 'term' && !c.quoted && !c.titleOnly && !all),
  );
  return { covers: [i], how: 'literal', label: c.raw, words, ...(c.kind === 'phrase' ? { phrase: c.terms } : {}) };
}

/**
 * Plans a query: each include clause as literal probes; runs of plain query words that a synonym group or an
 * acronym names ("trata de personas", "jobs", "ILO", "International Labour Organization") as alternatives
 * covering those clauses, at a lower weight. Stop words count for nothing in how many words an item matches
 * (unless the query has nothing else), and weigh little. With `all`, every clause must match literally, and
 * nothing is expanded (no synonyms, acronyms or near spellings).
 */
export function planQuery(query: Query, lookup: Known, expansions: Expansions | null, all = false): Plan {
  const include = query.include;
  const allStop = include.every((c) => c.stop);
  const literals = include.map((c, i) => literalUnit(c, i, lookup, allStop, all));
  const content = include.flatMap((c, i) => (c.stop && !allStop ? [] : [i]));
  const required = include.flatMap((c, i) => (all || c.required ? [i] : []));
  // --all takes every word literally: no synonyms, acronyms or near spellings
  const expanded = expansions && !all ? expand(include, expansions, lookup) : [];
  // a generic word inside an expression the thesaurus knows ("support services", "young people") is part of it
  const inExpression = new Set(expanded.flatMap((a) => (a[0]!.covers.length > 1 ? a[0]!.covers : [])));
  const weak = content.filter(
    (i) => include[i]!.kind === 'term' && isWeakWord(include[i]!.terms[0]!) && !inExpression.has(i),
  );
  const years = content.filter(
    (i) => include[i]!.kind === 'term' && !include[i]!.quoted && /^(?:19|20)\d\d$/.test(include[i]!.terms[0]!),
  );
  return { query, literals, expansions: expanded, feedback: [], content, all, required, weak, years };
}

/** The expansions of runs of plain query words: each run a group names, with the group's other expressions. */
function expand(include: Clause[], table: Expansions, lookup: Known): Unit[][] {
  // the plain words in order, a clause number each; a quoted, prefix or title: clause breaks a run
  const runs: Array<Array<{ clause: number; term: string }>> = [[]];
  include.forEach((c, i) => {
    if (c.quoted || c.prefix || c.titleOnly) runs.push([]);
    else if (!c.stop) for (const term of c.terms) runs.at(-1)!.push({ clause: i, term });
  });
  const out: Unit[][] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    for (let s = 0; s < run.length; s++) {
      for (let n = 1; n <= Math.min(table.longest, run.length - s); n++) {
        const words = run.slice(s, s + n);
        const key = keyOf(words.map((w) => w.term));
        const groups = table.groupsWithKey(key, words[0]!.term);
        if (!groups.length) continue;
        const covers = [...new Set(words.map((w) => w.clause))];
        const alternatives: Unit[] = [];
        const keys = new Set<string>();
        const stems = words.map((w) => stem(w.term));
        // an acronym typed short (TIP) also stands for the synonyms of its long forms (human trafficking, trata)
        const hops: Array<[number, number]> = [];
        for (const g of groups) {
          const group = table.group(g);
          if (group.kind !== 'acronym' || !group.expressions.some((e) => e.short && e.key === key)) continue;
          if (n === 1 && !isTypedAsAcronym(include[words[0]!.clause]!)) continue;
          for (const e of group.expressions)
            if (!e.short)
              for (const h of table.groupsWithKey(e.key, e.terms[0] ?? ''))
                if (table.group(h).kind === 'synonym' && table.group(h).heads === undefined)
                  hops.push([h, WEIGHT.acronym * WEIGHT.synonym]);
        }
        for (const [g, hopWeight] of [...groups.map((g): [number, number] => [g, 0]), ...hops]) {
          const group = table.group(g);
          // a region stands for its countries, not a country for its region
          if (
            !hopWeight &&
            group.heads !== undefined &&
            !group.expressions.slice(0, group.heads).some((e) => e.key === key)
          )
            continue;
          // an acronym stands for its long form and back; a word that is also an acronym (WHO) needs capitals
          const typedShort = group.expressions.some((e) => e.short && e.key === key);
          if (typedShort && n === 1 && !isTypedAsAcronym(include[words[0]!.clause]!)) continue;
          for (const e of group.expressions) {
            // an expression holding every query word by stem ("human trafficking" for trafficking) finds nothing
            // new; one that only shares their key ("haitianos" for Haitian) meets other words
            const own = e.terms.map(stem);
            if (keys.has(e.key + '|' + own.join(' ')) || stems.every((s) => own.includes(s))) continue;
            keys.add(e.key + '|' + own.join(' '));
            const how = group.kind === 'acronym' || hopWeight ? 'acronym' : 'synonym';
            const weight = hopWeight || WEIGHT[how];
            alternatives.push({
              covers,
              how,
              label: e.text,
              words: e.terms.map((t) => [
                ...formProbes(how, t, FIELDS, weight),
                ...spanishForms(t, lookup).map(
                  (f): Probe => ({
                    how,
                    term: f,
                    weight: weight * WEIGHT.stem,
                    fields: FIELDS,
                  }),
                ),
              ]),
            });
          }
        }
        const id = `${covers.join(',')}:${key}`;
        if (alternatives.length && !seen.has(id)) {
          seen.add(id);
          out.push(alternatives);
        }
      }
    }
  }
  return out;
}

/** An acronym typed in a query: in capitals (WHO), or a word no dictionary has (ilo, dtm). */
const isTypedAsAcronym = (c: Clause) => /[A-Z]{2}/.test(c.raw) || !COMMON_WORDS.has(c.terms[0]!);
/** Short forms that are also everyday words: they expand only when typed in capitals. */
const COMMON_WORDS = new Set(['who', 'ice', 'it', 'us', 'dif', 'som', 'tip', 'app']);

/** Every probe of a plan, for picking index terms and for explaining. */
export const probesOf = (plan: Plan): Probe[] =>
  [...plan.literals, ...plan.expansions.flat(), ...plan.feedback].flatMap((u) => u.words.flat());

/**
 * The index terms a plan's probes can meet: exact terms, stems, the words within a fuzzy probe's edits and the
 * words a prefix begins. Loading the postings of these only gives the same hits as the whole index.
 */
export function planTerms(plan: Plan, terms: Vocabulary, out = new Set<string>()): Set<string> {
  for (const p of probesOf(plan)) {
    if (p.prefix) {
      for (const t of terms.startingWith(p.term)) out.add(t);
      continue;
    }
    if (p.stem) for (const s of stemQueries(p.term)) out.add(s);
    else out.add(p.term);
    if (p.fuzzy) for (const t of terms.near(p.term, p.fuzzy)) out.add(t);
  }
  return out;
}
