import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundledDataDir, packageRoot } from '../paths.js';
import { sha1 } from '../sha1.js';
import { DataError, type GazetteerCountry } from '../enrich/tables.js';
import { getEnrichers, tablesChecksum } from '../enrich/getEnrichers.js';
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

/** A shipped group, whose expressions are made on first use: a query meets few of the table's groups. */
class TableGroup implements ExpansionGroup {
  readonly kind: ExpansionKind;
  readonly heads?: number;
  private made?: readonly Expression[];
  constructor(private readonly data: ExpansionData['groups'][number]) {
    this.kind = data.kind;
    if (data.heads !== undefined) this.heads = data.heads;
  }
  get expressions(): readonly Expression[] {
    return (this.made ??= this.data.texts.map((t, k) => new TableExpression(t, k < this.data.shorts)));
  }
}

/**
 * The shipped expansions as plain data, as the build stores them (dist/expansions.v8): each group's expressions
 * as written, and the groups filed by the first letters of their words.
 */
export interface ExpansionData {
  groups: Array<{ kind: ExpansionKind; texts: string[]; shorts: number; heads?: number }>;
  /** first three letters of a folded word → the numbers of the groups with a word so beginning */
  filed: Map<string, number[]>;
  longest: number;
}

/**
 * Files group `i` under the first letters of each word of its expressions. Lists of buckets not in `own` are
 * shared with another table: they are copied before they grow (and then owned).
 */
function fileGroup(data: ExpansionData, i: number, texts: readonly string[], own?: Set<string>) {
  for (const text of texts) {
    const words = foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    data.longest = Math.max(data.longest, words.length);
    for (const w of words) {
      const b = bucket(w);
      let list = data.filed.get(b);
      if (list?.at(-1) === i) continue;
      if (!list || (own && !own.has(b))) {
        list = [...(list ?? [])];
        data.filed.set(b, list);
        own?.add(b);
      }
      list.push(i);
    }
  }
}

/** Synonym groups, broader terms and acronyms as plain data, filed (the work the build does once). */
export function expansionData(
  synonyms: readonly string[][],
  acronyms: ReadonlyArray<{ short: string[]; long: string[] }>,
  narrower: ReadonlyArray<{ names: string[]; members: string[] }> = [],
): ExpansionData {
  const data: ExpansionData = { groups: [], filed: new Map(), longest: 0 };
  for (const g of synonyms) data.groups.push({ kind: 'synonym', texts: g, shorts: 0 });
  for (const r of narrower)
    data.groups.push({ kind: 'synonym', texts: [...r.names, ...r.members], shorts: 0, heads: r.names.length });
  for (const a of acronyms)
    data.groups.push({ kind: 'acronym', texts: [...a.short, ...a.long], shorts: a.short.length });
  for (const [i, g] of data.groups.entries()) fileGroup(data, i, g.texts);
  return data;
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
  return withLearned(expansionData(synonyms, acronyms, narrower), learned);
}

/** The expansions of some filed groups (shipped, maybe read as the build filed them) and of learned acronyms. */
function withLearned(shipped: ExpansionData, learned: readonly Acronym[]): Expansions {
  const data: ExpansionData = { groups: shipped.groups, filed: new Map(shipped.filed), longest: shipped.longest };
  const own = new Set<string>();
  const groups: ExpansionGroup[] = shipped.groups.map((g) => new TableGroup(g));
  for (const [short, long] of learned) {
    const terms = long.filter((t) => !isStopWord(t));
    if (!terms.length) continue;
    const expressions = [
      new TableExpression(short.toUpperCase(), true, [short]),
      new TableExpression(long.join(' '), false, terms),
    ];
    groups.push({ kind: 'acronym', expressions });
    fileGroup(
      data,
      groups.length - 1,
      expressions.map((e) => e.text),
      own,
    );
  }
  const { filed, longest } = data;
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

/** Where the build keeps the shipped expansions filed: a JSON header line, then v8.serialize bytes. */
export const compiledExpansionsFile = () => path.join(packageRoot(), 'dist', 'expansions.v8');

/** Bumped when {@link ExpansionData}'s shape or the way groups are made changes. */
const FORMAT = 1;

let dataChecksum: string | undefined;
/** The content the shipped expansions are made of: thesaurus.json, acronyms.json and the gazetteer's data. */
function expansionsChecksum(dir = bundledDataDir()): string {
  const read = (f: string) => readFileSync(path.join(dir, f));
  dataChecksum ??= sha1(
    Buffer.concat([read('thesaurus.json'), Buffer.from('\0'), read('acronyms.json'), Buffer.from(tablesChecksum())]),
  );
  return dataChecksum;
}

/** The shipped expansions, made now from data/ (thesaurus, acronyms, the gazetteer's country names and regions). */
export function makeShippedData(): ExpansionData {
  const tables = shippedTables();
  const countries = getEnrichers().gazetteer.countries;
  return expansionData([...tables.synonyms, ...countryGroups(countries)], tables.acronyms, [
    ...tables.narrower,
    ...regionGroups(tables.regions, countries),
  ]);
}

const requireV8 = () => createRequire(import.meta.url)('node:v8') as typeof import('node:v8');

/** The shipped expansions and their header, as the build writes them to {@link compiledExpansionsFile}. */
export function serializeExpansions(data: ExpansionData = makeShippedData()): Buffer {
  const header = { format: FORMAT, meso: __MESO_VERSION__, data: expansionsChecksum() };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), requireV8().serialize(data)]);
}

/** The shipped expansions as the build filed them, when made from data/ as it is now by this meso; else null. */
function readCompiledExpansions(): ExpansionData | null {
  try {
    const bytes = readFileSync(compiledExpansionsFile());
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as { format: number; meso: string; data: string };
    if (header.format !== FORMAT || header.meso !== __MESO_VERSION__ || header.data !== expansionsChecksum())
      return null;
    const data = requireV8().deserialize(bytes.subarray(nl + 1)) as ExpansionData;
    return data.filed instanceof Map && Array.isArray(data.groups) ? data : null;
  } catch {
    return null; // not built, damaged, another Node's serialisation: make them now
  }
}

let shippedData: ExpansionData | undefined;

/**
 * The expansions for a corpus: data/thesaurus.json and data/acronyms.json with the gazetteer's country names
 * (read as the build filed them while data/ is unchanged, else made now; once per process) and the acronyms its
 * items define (compiled once per list).
 */
export function loadExpansions(learned: readonly Acronym[] = NONE): Expansions {
  let e = compiled.get(learned);
  if (!e) {
    shippedData ??= readCompiledExpansions() ?? makeShippedData();
    compiled.set(learned, (e = withLearned(shippedData, learned)));
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
