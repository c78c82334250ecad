import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledDataDir } from '../paths.js';
import { DataError, type GazetteerCountry } from '../enrich/tables.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import type { Acronym } from '../indexing/learnAcronyms.js';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../text/stem.js';
import { isStopWord } from '../text/stopWords.js';
import { foldText } from '../text/foldText.js';

/** How an expression stands for another: a synonym (data/thesaurus.json), or an acronym and what it stands for. */
export type ExpansionKind = 'synonym' | 'acronym';

/** An expression of a group, ready to compare with a query and to search for. */
export interface Expression {
  /** as written in the table, for `matched` and --explain */
  readonly text: string;
  /** its words, folded, stop words left out: all must match */
  readonly terms: string[];
  /** the stems of `terms` (see keyOf): how a run of query words is recognised */
  readonly key: string;
  /** an acronym's short form (ILO), not its long form */
  readonly short: boolean;
}

/**
 * Expressions that may stand for one another; with `heads`, only the first `heads` expressions (a region's
 * names) stand for the rest (its countries), not the other way round.
 */
export interface ExpansionGroup {
  kind: ExpansionKind;
  expressions: readonly Expression[];
  heads?: number;
}

/** Expressions that may stand for one another. */
export interface Expansions {
  groups: ReadonlyArray<ExpansionGroup>;
  /** the numbers of the groups with an expression of this key, whose first word is `first` (folded) */
  groupsWithKey(key: string, first: string): number[];
  /** the most words of any expression */
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

/**
 * The key of some folded words, to compare a query's words with an expression's: their stems, with a final
 * Spanish -o or -a dropped (personas, persons → person; deportados, deportadas → deportad), joined by spaces.
 */
export const keyOf = (terms: readonly string[]) =>
  terms
    .map((t) => {
      const s = stem(t);
      return s.length >= 5 && /[ao]$/.test(s) ? s.slice(0, -1) : s;
    })
    .join(' ');

/** The first three letters of a folded word: the bucket an expression is filed under, for each of its words. */
const bucket = (term: string) => term.slice(0, 3);

/** An expression whose words and key are worked out on first use: a query meets few of the table's. */
class TableExpression implements Expression {
  private folded?: string[];
  private keyed?: string;
  constructor(
    readonly text: string,
    readonly short = false,
    terms?: string[],
  ) {
    this.folded = terms;
  }
  get terms(): string[] {
    return (this.folded ??= expressionTerms(this.text));
  }
  get key(): string {
    return (this.keyed ??= keyOf(this.terms));
  }
}

/**
 * Compiles synonym groups and acronyms into one table of expansions. Acronyms come from data/acronyms.json
 * (several short forms and long forms per body) and from the items (learned when the index was counted).
 * Expressions are only filed by the first letters of their words here; their stems are worked out when a
 * query's word could meet them, so a search pays for the few it meets, not for the whole table.
 */
export function compileExpansions(
  synonyms: readonly string[][],
  acronyms: ReadonlyArray<{ short: string[]; long: string[] }>,
  learned: readonly Acronym[] = [],
  narrower: ReadonlyArray<{ names: string[]; members: string[] }> = [],
): Expansions {
  const groups: ExpansionGroup[] = [];
  for (const g of synonyms) groups.push({ kind: 'synonym', expressions: g.map((t) => new TableExpression(t)) });
  for (const r of narrower)
    groups.push({
      kind: 'synonym',
      expressions: [...r.names, ...r.members].map((t) => new TableExpression(t)),
      heads: r.names.length,
    });
  for (const a of acronyms)
    groups.push({
      kind: 'acronym',
      expressions: [...a.short.map((t) => new TableExpression(t, true)), ...a.long.map((t) => new TableExpression(t))],
    });
  for (const [short, long] of learned) {
    const terms = long.filter((t) => !isStopWord(t));
    if (terms.length)
      groups.push({
        kind: 'acronym',
        expressions: [
          new TableExpression(short.toUpperCase(), true, [short]),
          new TableExpression(long.join(' '), false, terms),
        ],
      });
  }
  const filed = new Map<string, number[]>();
  let longest = 0;
  groups.forEach((g, i) => {
    for (const e of g.expressions) {
      const words = foldText(e.text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      longest = Math.max(longest, words.length);
      for (const w of words) {
        const list = filed.get(bucket(w)) ?? [];
        if (list.at(-1) !== i) list.push(i);
        filed.set(bucket(w), list);
      }
    }
  });
  const groupsWithKey = (key: string, first: string): number[] => {
    const candidates = new Set([...(filed.get(bucket(first)) ?? []), ...(filed.get(bucket(stem(first))) ?? [])]);
    return [...candidates].filter((g) => groups[g]!.expressions.some((e) => e.key === key));
  };
  return { groups, groupsWithKey, longest };
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

let shipped:
  | {
      synonyms: string[][];
      regions: Record<string, string[]>;
      narrower: Array<{ names: string[]; members: string[] }>;
      acronyms: Array<{ short: string[]; long: string[] }>;
    }
  | undefined;

/** The shipped tables, read and checked once per process: data/thesaurus.json and data/acronyms.json. */
export function shippedTables(dir = bundledDataDir()) {
  if (!shipped) {
    const file = path.join(dir, 'thesaurus.json');
    const thesaurus = readJson(file);
    shipped = {
      synonyms: validateThesaurus(thesaurus, file),
      regions: validateRegions(thesaurus, file),
      narrower: validateNarrower(thesaurus, file),
      acronyms: validateAcronyms(readJson(path.join(dir, 'acronyms.json')), path.join(dir, 'acronyms.json')),
    };
  }
  return shipped;
}

/** Checks the optional "regions" of a parsed thesaurus.json: region (as countries.json names it) → its names. */
export function validateRegions(data: unknown, where = 'thesaurus.json'): Record<string, string[]> {
  const regions = (data as { regions?: unknown })?.regions ?? {};
  if (typeof regions !== 'object' || regions === null || Array.isArray(regions))
    throw new DataError(`${where}: expected "regions" to map a region to its names`);
  for (const [region, names] of Object.entries(regions))
    if (!isStrings(names) || names.length === 0)
      throw new DataError(`${where}: regions.${region} must be a list of names`);
  return regions as Record<string, string[]>;
}

/**
 * Checks the optional "narrower" of a parsed thesaurus.json: broader terms ("natural disasters") and the
 * narrower terms they stand for ("hurricanes", "earthquakes"), one way.
 */
export function validateNarrower(
  data: unknown,
  where = 'thesaurus.json',
): Array<{ names: string[]; members: string[] }> {
  const list = (data as { narrower?: unknown })?.narrower ?? [];
  if (!Array.isArray(list)) throw new DataError(`${where}: expected "narrower" to be a list`);
  return list.map((n: { broader?: unknown; narrower?: unknown }, i) => {
    if (!isStrings(n?.broader) || !isStrings(n?.narrower) || !n.broader.length || !n.narrower.length)
      throw new DataError(`${where}: narrower[${i}] needs "broader" and "narrower" lists of strings`);
    return { names: n.broader, members: n.narrower };
  });
}

/**
 * A region's names (thesaurus.json "regions": Caribbean, Caribe…) standing for its countries' names in English
 * and Spanish (from the gazetteer's region of each country), one way: "Venezuelan migrants in the Caribbean"
 * meets "Venezuelans in Trinidad and Tobago", but "Haiti" does not meet every Caribbean country.
 */
export function regionGroups(
  regions: Record<string, string[]>,
  countries: readonly GazetteerCountry[],
): Array<{ names: string[]; members: string[] }> {
  return Object.entries(regions).flatMap(([region, names]) => {
    const members = countries
      .filter((c) => c.region === region)
      .flatMap((c) => [c.name, ...c.es])
      .filter((n, i, all) => all.indexOf(n) === i && expressionTerms(n).every((t) => t.length >= 2));
    return members.length ? [{ names, members }] : [];
  });
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
  if (!e) {
    const countries = getEnrichers().gazetteer.countries;
    const synonyms = [...tables.synonyms, ...countryGroups(countries)];
    const regions = [...tables.narrower, ...regionGroups(tables.regions, countries)];
    compiled.set(learned, (e = compileExpansions(synonyms, tables.acronyms, learned, regions)));
  }
  return e;
}

/**
 * Each country's names as a group of synonyms, from the gazetteer (data/countries.json): its English name and
 * aliases, its Spanish names and its demonyms in both languages, so "Haitian workers" meets "trabajadores de
 * Haití" and "República Dominicana" meets "Dominican Republic". Names whose words are single letters ("U.S.")
 * are left out.
 */
export function countryGroups(countries: readonly GazetteerCountry[]): string[][] {
  const groups: string[][] = [];
  for (const c of countries) {
    const seen = new Set<string>();
    const names: string[] = [];
    for (const n of [c.name, ...c.aliases, ...c.es, ...c.demonyms]) {
      const terms = expressionTerms(n);
      const key = terms.join(' ');
      if (!terms.length || terms.some((t) => t.length < 2) || seen.has(key)) continue;
      seen.add(key);
      names.push(n);
    }
    if (names.length >= 2) groups.push(names);
  }
  return groups;
}
