import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFully, readHeaderLine, readRange } from '../io/readRange.js';
import { join } from 'node:path';
import { bundledDataDir, packageRoot } from '../paths.js';
import { crc32 } from '../io/crc32.js';
import { dataFingerprint, EXPANSION_FILES } from '../io/dataFingerprints.js';
import { DataError, type GazetteerCountry } from '../enrich/tables.js';
import { getEnrichers, tablesChecksum } from '../enrich/getEnrichers.js';
import type { Acronym } from '../indexing/learnAcronyms.js';
import { splitAlnum, tokenize } from '../text/tokenize.js';
import { rememberStems, stem } from '../text/stem.js';
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
  /** the group numbered `i` (see groupsWithKey), made on first use: a query meets few of the table's groups */
  group(i: number): ExpansionGroup;
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
      return s.length >= 5 && (s.endsWith('a') || s.endsWith('o')) ? s.slice(0, -1) : s;
    })
    .join(' ');

/** The first three letters of a folded word: the bucket an expression is filed under, for each of its words. */
const bucket = (term: string) => term.slice(0, 3);

/** An expression whose words (and key, unless given) are worked out on first use: a query meets few of the table's. */
class TableExpression implements Expression {
  private folded?: string[];
  private keyed?: string;
  /**
   * @param stems the stems of its words, joined by spaces, as the build worked them out: told to the stemmer's
   *   memo (see rememberStems) when the words are, so that a query meeting the expression runs no stemmer for them
   */
  constructor(
    readonly text: string,
    readonly short = false,
    terms?: string[],
    key?: string,
    private readonly stems?: string,
  ) {
    this.folded = terms;
    this.keyed = key;
  }
  get terms(): string[] {
    if (this.folded === undefined) {
      this.folded = expressionTerms(this.text);
      if (this.stems !== undefined) rememberStems(this.folded, this.stems.split(' '));
    }
    return this.folded;
  }
  get key(): string {
    return (this.keyed ??= keyOf(this.terms));
  }
}

/** A shipped group as plain data: its kind, its expressions as written and their keys. */
export interface GroupData {
  kind: ExpansionKind;
  texts: string[];
  keys: string[];
  /** the stems of each expression's words, joined by spaces (see TableExpression) */
  stems: string[];
  /** how many of `texts` (the first) are an acronym's short forms */
  shorts: number;
  heads?: number;
}

/** A shipped group, read and made on first use: a query meets few of the table's groups. */
class TableGroup implements ExpansionGroup {
  private read?: GroupData;
  private made?: readonly Expression[];
  constructor(private readonly data: () => GroupData) {}
  private get group(): GroupData {
    return (this.read ??= this.data());
  }
  get kind(): ExpansionKind {
    return this.group.kind;
  }
  get heads(): number | undefined {
    return this.group.heads;
  }
  get expressions(): readonly Expression[] {
    const { texts, shorts, keys, stems } = this.group;
    return (this.made ??= texts.map((t, k) => new TableExpression(t, k < shorts, undefined, keys[k], stems?.[k])));
  }
}

/**
 * The shipped expansions as plain data, as the build makes them: each group's expressions as written with their
 * keys, and the groups filed by those keys. The keys are worked out once, by the build, with the stemmer of the
 * same build (a query would otherwise stem every expression under its words' first letters: about 6 ms of a
 * search).
 */
export interface ExpansionData {
  groups: GroupData[];
  /** an expression's key → the numbers of the groups with an expression of that key, in order */
  keyed: Map<string, number[]>;
  longest: number;
}

/** Keyed groups, however kept: made now ({@link ExpansionData}) or read from the build's file, line by line. */
interface KeyedGroups {
  longest: number;
  count: number;
  group(i: number): GroupData;
  /** the numbers of the groups with an expression of this key */
  withKey(key: string): readonly number[];
}

const NO_GROUPS: readonly number[] = [];

const keyedData = (data: ExpansionData): KeyedGroups => ({
  longest: data.longest,
  count: data.groups.length,
  group: (i) => data.groups[i]!,
  withKey: (key) => data.keyed.get(key) ?? NO_GROUPS,
});

/** The words of an expression as written, folded, for its length in words and its buckets. */
const foldedWords = (text: string) => splitAlnum(foldText(text)).filter(Boolean);

/** Synonym groups, broader terms and acronyms as plain data, keyed (the work the build does once). */
export function expansionData(
  synonyms: readonly string[][],
  acronyms: ReadonlyArray<{ short: string[]; long: string[] }>,
  narrower: ReadonlyArray<{ names: string[]; members: string[] }> = [],
): ExpansionData {
  const data: ExpansionData = { groups: [], keyed: new Map(), longest: 0 };
  const add = (kind: ExpansionKind, texts: string[], shorts: number, heads?: number) => {
    const i = data.groups.length;
    const terms = texts.map(expressionTerms);
    const keys = terms.map(keyOf);
    const stems = terms.map((t) => t.map(stem).join(' '));
    const group: GroupData = { kind, texts, keys, stems, shorts };
    data.groups.push(heads === undefined ? group : { ...group, heads });
    for (const key of keys) {
      const list = data.keyed.get(key);
      if (!list) data.keyed.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
    for (const t of texts) data.longest = Math.max(data.longest, foldedWords(t).length);
  };
  for (const g of synonyms) add('synonym', g, 0);
  for (const r of narrower) add('synonym', [...r.names, ...r.members], 0, r.names.length);
  for (const a of acronyms) add('acronym', [...a.short, ...a.long], a.short.length);
  return data;
}

/**
 * Compiles synonym groups and acronyms into one table of expansions. Acronyms come from data/acronyms.json
 * (several short forms and long forms per body) and from the items (learned when the index was counted).
 * The shipped groups' expressions are keyed here (the build does it once, see {@link ExpansionData}); learned
 * acronyms are keyed when a query's word could meet them.
 */
export function compileExpansions(
  synonyms: readonly string[][],
  acronyms: ReadonlyArray<{ short: string[]; long: string[] }>,
  learned: readonly Acronym[] = [],
  narrower: ReadonlyArray<{ names: string[]; members: string[] }> = [],
): Expansions {
  return withLearned(keyedData(expansionData(synonyms, acronyms, narrower)), learned);
}

/**
 * The expansions of some keyed groups (shipped, maybe read as the build keyed them) and of learned acronyms. A
 * corpus may define many acronyms and a query meets few: their keys are worked out on first use, for the learned
 * groups filed under the first letters of a query word.
 */
function withLearned(shipped: KeyedGroups, learned: readonly Acronym[]): Expansions {
  const made = new Map<number, ExpansionGroup>(); // the shipped groups met so far
  const own: ExpansionGroup[] = []; // the learned acronyms' groups, numbered after the shipped ones
  const group = (i: number): ExpansionGroup => {
    if (i >= shipped.count) return own[i - shipped.count]!;
    let g = made.get(i);
    if (!g) made.set(i, (g = new TableGroup(() => shipped.group(i))));
    return g;
  };
  const filed = new Map<string, number[]>();
  let longest = shipped.longest;
  for (const [short, long] of learned) {
    const terms = long.filter((t) => !isStopWord(t));
    if (!terms.length) continue;
    const expressions = [
      new TableExpression(short.toUpperCase(), true, [short]),
      new TableExpression(long.join(' '), false, terms),
    ];
    const i = shipped.count + own.push({ kind: 'acronym', expressions }) - 1;
    for (const e of expressions) {
      const words = foldedWords(e.text);
      longest = Math.max(longest, words.length);
      for (const b of words.map(bucket)) {
        const list = filed.get(b);
        if (!list) filed.set(b, [i]);
        else if (list.at(-1) !== i) list.push(i);
      }
    }
  }
  const groupsWithKey = (key: string, first: string): number[] => {
    const known = shipped.withKey(key);
    if (!filed.size) return [...known];
    const candidates = new Set([...(filed.get(bucket(first)) ?? []), ...(filed.get(bucket(stem(first))) ?? [])]);
    return [...known, ...[...candidates].filter((g) => group(g).expressions.some((e) => e.key === key))];
  };
  return { group, groupsWithKey, longest };
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
    const file = join(dir, 'thesaurus.json');
    const thesaurus = readJson(file);
    shipped = {
      synonyms: validateThesaurus(thesaurus, file),
      regions: validateRegions(thesaurus, file),
      narrower: validateNarrower(thesaurus, file),
      acronyms: validateAcronyms(readJson(join(dir, 'acronyms.json')), join(dir, 'acronyms.json')),
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
 * Where the build keeps the shipped expansions keyed, as text read in parts: a JSON header line, then a line per
 * key, the key and its groups' numbers (`trata person\t3,17`), then a JSON line per group ({@link GroupData}). A
 * search reads the header and the keys (about 40 KB), finds a key with one search of their bytes, and reads and
 * parses only the lines of the groups its words meet (where each starts is in the header): no deserialising of
 * the whole table, and no reading of the 130 KB of groups.
 */
export const compiledExpansionsFile = () => join(packageRoot(), 'dist', 'expansions.txt');

/** Bumped when {@link ExpansionData}'s shape, the file's layout, the way groups are made or keys worked out changes. */
const FORMAT = 7;

/** The content the shipped expansions are made of: thesaurus.json, acronyms.json and the gazetteer's data. */
const expansionsChecksum = (): string => `${dataFingerprint(EXPANSION_FILES)}-${tablesChecksum()}`;

/** The shipped expansions, made now from data/ (thesaurus, acronyms, the gazetteer's country names and regions). */
export function makeShippedData(): ExpansionData {
  const tables = shippedTables();
  const countries = getEnrichers().gazetteer.countries;
  return expansionData([...tables.synonyms, ...countryGroups(countries)], tables.acronyms, [
    ...tables.narrower,
    ...regionGroups(tables.regions, countries),
  ]);
}

/** The header line of {@link compiledExpansionsFile}. */
interface ExpansionsHeader {
  format: number;
  meso: string;
  data: string;
  longest: number;
  /** bytes of the key lines (the first after the header line starts with a line break) */
  keys: number;
  /** where each group's line starts, counted from the first group's, and where the last one ends */
  starts: number[];
  /** the key lines' CRC-32, and each group line's: a group is read, and checked, only when a query meets it */
  crc32: { keys: number; groups: number[] };
  /** bytes after the header line: a file cut short or grown is not read */
  length: number;
}

/** The shipped expansions as the build writes them to {@link compiledExpansionsFile}. */
export function serializeExpansions(data: ExpansionData = makeShippedData()): string {
  for (const key of data.keyed.keys())
    if (/[\t\n]/.test(key)) throw new Error(`an expansion key holds a tab or a line break: ${JSON.stringify(key)}`);
  const keys = `\n${[...data.keyed].map(([key, groups]) => `${key}\t${groups.join(',')}\n`).join('')}`;
  const lines = data.groups.map((g) => `${JSON.stringify(g)}\n`);
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + Buffer.byteLength(line));
  const header: ExpansionsHeader = {
    format: FORMAT,
    meso: __MESO_VERSION__,
    data: expansionsChecksum(),
    longest: data.longest,
    keys: Buffer.byteLength(keys),
    starts,
    crc32: { keys: crc32(Buffer.from(keys)), groups: lines.map((l) => crc32(Buffer.from(l))) },
    length: Buffer.byteLength(keys) + starts.at(-1)!,
  };
  return `${JSON.stringify(header)}\n${keys}${lines.join('')}`;
}

/**
 * The shipped expansions as the build keyed them, when made from data/ as it is now by this meso and the file is
 * whole (its length as written, its key lines' CRC-32); else null. Reads the header and the keys; a group's line
 * when it is asked for, checked then: a group that cannot be read as written (damaged, the file replaced during
 * the run) is made now, as the build made it.
 */
function readCompiledExpansions(): KeyedGroups | null {
  const file = compiledExpansionsFile();
  let header: ExpansionsHeader;
  let keys: Buffer;
  let groupsAt: number;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const [first, nl] = readHeaderLine(fd, size, 16 * 1024); // the header is about 10 KB
      header = JSON.parse(first.toString('utf8', 0, nl)) as ExpansionsHeader;
      if (
        header.format !== FORMAT ||
        header.meso !== __MESO_VERSION__ ||
        header.data !== expansionsChecksum() ||
        header.length !== size - nl - 1 ||
        header.keys + header.starts.at(-1)! !== header.length ||
        header.crc32?.groups?.length !== header.starts.length - 1
      )
        return null;
      keys = readFully(fd, Buffer.allocUnsafe(header.keys), nl + 1);
      if (crc32(keys) !== header.crc32.keys) return null;
      groupsAt = nl + 1 + header.keys;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null; // not built, damaged: make them now
  }
  const { starts } = header;
  const count = starts.length - 1;
  const sums = header.crc32.groups;
  let madeNow: KeyedGroups | undefined;
  return {
    longest: header.longest,
    count,
    group(i) {
      try {
        const line = readRange(file, groupsAt + starts[i]!, groupsAt + starts[i + 1]!);
        if (i < count && crc32(line) === sums[i]) return JSON.parse(line.toString('utf8')) as GroupData;
      } catch {
        // cut short, replaced: made now
      }
      madeNow ??= keyedData(makeShippedData());
      return madeNow.group(i);
    },
    withKey(key) {
      const found = keys.indexOf(`\n${key}\t`);
      if (found < 0) return NO_GROUPS;
      const from = found + Buffer.byteLength(key) + 2;
      return keys.toString('latin1', from, keys.indexOf(10, from)).split(',').map(Number);
    },
  };
}

let shippedGroups: KeyedGroups | undefined;

/**
 * The expansions for a corpus: data/thesaurus.json and data/acronyms.json with the gazetteer's country names
 * (read as the build keyed them while data/ is unchanged, else made now; once per process) and the acronyms its
 * items define (compiled once per list).
 */
export function loadExpansions(learned: readonly Acronym[] = NONE): Expansions {
  let e = compiled.get(learned);
  if (!e) {
    shippedGroups ??= readCompiledExpansions() ?? keyedData(makeShippedData());
    compiled.set(learned, (e = withLearned(shippedGroups, learned)));
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
