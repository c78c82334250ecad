import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledDataDir } from '../paths.js';
import { DataError } from '../enrich/tables.js';
import type { Acronym } from '../indexing/learnAcronyms.js';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopWords.js';

/** How an expression stands for another: a synonym (data/thesaurus.json), or an acronym and what it stands for. */
export type ExpansionKind = 'synonym' | 'acronym';

/** An expression of a group, ready to compare with a query and to search for. */
export interface Expression {
  /** as written in the table, for `matched` and --explain */
  text: string;
  /** its words, folded, stop words left out: all must match */
  terms: string[];
  /** the stems of `terms`, joined by spaces: how a run of query words is recognised */
  key: string;
  /** an acronym's short form (ILO), not its long form */
  short: boolean;
}

/** Expressions that may stand for one another, by the key of each. */
export interface Expansions {
  groups: Array<{ kind: ExpansionKind; expressions: Expression[] }>;
  /** group numbers by expression key */
  byKey: Map<string, number[]>;
  /** the most words of any key */
  longest: number;
}

/**
 * An expression's words, folded: a word that is a stop word on its own is left out ("trata de personas" →
 * trata, personas), the parts of a hyphenated word are kept ("e-learning" → e, learning).
 */
export function expressionTerms(text: string): string[] {
  return text.split(/\s+/).flatMap((word) => {
    const terms = tokenize(word, false);
    return terms.length === 1 && isStopWord(terms[0]!) ? [] : terms;
  });
}

/** The key of some folded words: their stems joined by spaces. */
export const keyOf = (terms: readonly string[]) => terms.map(stem).join(' ');

const expression = (text: string, short = false): Expression => {
  const terms = expressionTerms(text);
  return { text, terms, key: keyOf(terms), short };
};

/**
 * Compiles synonym groups and acronyms into one table of expansions. Acronyms come from data/acronyms.json
 * (several short forms and long forms per body) and from the items (learned when the index was counted).
 */
export function compileExpansions(
  synonyms: readonly string[][],
  acronyms: ReadonlyArray<{ short: string[]; long: string[] }>,
  learned: readonly Acronym[] = [],
): Expansions {
  const groups: Expansions['groups'] = [];
  for (const g of synonyms) groups.push({ kind: 'synonym', expressions: g.map((t) => expression(t)) });
  for (const a of acronyms)
    groups.push({
      kind: 'acronym',
      expressions: [...a.short.map((s) => expression(s, true)), ...a.long.map((l) => expression(l))],
    });
  for (const [short, long] of learned)
    groups.push({
      kind: 'acronym',
      expressions: [
        { text: short.toUpperCase(), terms: [short], key: keyOf([short]), short: true },
        {
          text: long.join(' '),
          terms: long.filter((t) => !isStopWord(t)),
          key: keyOf(long.filter((t) => !isStopWord(t))),
          short: false,
        },
      ],
    });
  const byKey = new Map<string, number[]>();
  let longest = 0;
  groups.forEach((g, i) => {
    g.expressions = g.expressions.filter((e) => e.terms.length > 0);
    for (const e of g.expressions) {
      const list = byKey.get(e.key) ?? [];
      if (!list.includes(i)) list.push(i);
      byKey.set(e.key, list);
      longest = Math.max(longest, e.terms.length);
    }
  });
  return { groups, byKey, longest };
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Checks a parsed thesaurus.json and returns its groups; throws DataError naming the bad entry. */
export function validateThesaurus(data: unknown, where = 'thesaurus.json'): string[][] {
  const groups = (data as { groups?: unknown })?.groups;
  if (!Array.isArray(groups)) throw new DataError(`${where}: expected {"groups": [[...], ...]}`);
  groups.forEach((g, i) => {
    if (!isStrings(g) || g.length < 2)
      throw new DataError(`${where}: groups[${i}] must be a list of at least two expressions`);
  });
  return groups as string[][];
}

/** Checks a parsed acronyms.json and returns its entries; throws DataError naming the bad entry. */
export function validateAcronyms(data: unknown, where = 'acronyms.json'): Array<{ short: string[]; long: string[] }> {
  const list = (data as { acronyms?: unknown })?.acronyms;
  if (!Array.isArray(list)) throw new DataError(`${where}: expected {"acronyms": [...]}`);
  list.forEach((a: { short?: unknown; long?: unknown }, i) => {
    if (!isStrings(a?.short) || !isStrings(a?.long) || a.short.length === 0 || a.long.length === 0)
      throw new DataError(`${where}: acronyms[${i}] needs "short" and "long" lists of strings`);
  });
  return list as Array<{ short: string[]; long: string[] }>;
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataError(`${file}: cannot be read as JSON (${(e as Error).message})`);
  }
};

let shipped: { synonyms: string[][]; acronyms: Array<{ short: string[]; long: string[] }> } | undefined;

/** The shipped tables, read and checked once per process: data/thesaurus.json and data/acronyms.json. */
export function shippedTables(dir = bundledDataDir()) {
  shipped ??= {
    synonyms: validateThesaurus(readJson(path.join(dir, 'thesaurus.json')), path.join(dir, 'thesaurus.json')),
    acronyms: validateAcronyms(readJson(path.join(dir, 'acronyms.json')), path.join(dir, 'acronyms.json')),
  };
  return shipped;
}
const compiled = new WeakMap<readonly Acronym[], Expansions>();
const NONE: readonly Acronym[] = [];

/**
 * The expansions for a corpus: data/thesaurus.json and data/acronyms.json (read once per process) and the
 * acronyms its items define (compiled once per list).
 */
export function loadExpansions(learned: readonly Acronym[] = NONE): Expansions {
  const tables = shippedTables();
  let e = compiled.get(learned);
  if (!e) compiled.set(learned, (e = compileExpansions(tables.synonyms, tables.acronyms, learned)));
  return e;
}
