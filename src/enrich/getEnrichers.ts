import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { compileGazetteer, nameKey } from './compileGazetteer.js';
import { compileTopics } from './classifyTopics.js';
import type { Phrase, PhraseTable } from './compilePhrases.js';
import type { Enrichers } from './enrichItems.js';
import { loadCountries, loadTopics } from './tables.js';
import { packageRoot } from '../paths.js';
import { crc32 } from '../io/crc32.js';
import { dataFingerprint, TABLE_FILES } from '../io/dataFingerprints.js';
import { readHeaderLine, readRange } from '../io/readRange.js';
import { foldText } from '../text/foldText.js';
import { splitAlnum, tokenize } from '../text/tokenize.js';
import { timed } from '../timings.js';

/** Bumped when the compiled tables' shape changes. */
const FORMAT = 6;

/** Where the build keeps the compiled gazetteer and taxonomy: a JSON header line, then each table (see tableText). */
export const compiledTablesFile = () => join(packageRoot(), 'dist', 'tables.jsonl');

/**
 * The content of the data tables, as a fingerprint (see io/dataFingerprints): compiled tables are used only for
 * this very content.
 */
export const tablesChecksum = (): string => dataFingerprint(TABLE_FILES);

/** Compiles the gazetteer and taxonomy from data/ (about 40 ms). */
export function compileEnrichers(): Enrichers {
  return { gazetteer: compileGazetteer(loadCountries()), topics: compileTopics(loadTopics()) };
}

/** The two tables, each compiled and stored on its own, so a query that names no country never reads the gazetteer. */
type Part = keyof Enrichers;
const PARTS: Part[] = ['gazetteer', 'topics'];

/**
 * The words a query must hold for a table to name anything in it (see {@link enrichersForQuery}): the first
 * word of every phrase, the stem of every one-word prefix pattern (`traffick*`), and, for the taxonomy, every
 * topic's id and folded label. The words are one string, each between line breaks (`\nmexico\nunited\n`): a
 * query's words are looked up in it with a string search, with no set to build from a thousand words each run.
 */
interface QueryWords {
  words: string;
  prefixes: string[];
}

function queryWordsOf(part: Part, enrichers: Enrichers): QueryWords {
  const table: PhraseTable<unknown> = enrichers[part].table;
  const words = new Set(table.byFirst.keys());
  if (part === 'topics') for (const t of enrichers.topics.taxonomy.topics) words.add(t.id).add(nameKey(t.label));
  return {
    words: `\n${[...words].filter((w) => !w.includes('\n')).join('\n')}\n`,
    prefixes: table.prefixes.map((p) => p.tokens[0]!.replace(/\*$/, '')),
  };
}

/** The header line of the compiled tables. */
interface Header {
  format: number;
  meso: string;
  tables: string;
  /** bytes of each part, stored one after the other after the header line, in {@link PARTS} order */
  bytes: Record<Part, number>;
  /**
   * each part's CRC-32: a part is checked whole when it is read, since its lines are parsed only as a query asks
   * for them (a damaged line found then could no longer be compiled around)
   */
  crc32: Record<Part, number>;
  words: Record<Part, QueryWords>;
}

/** How many distinct words a {@link PhraseLines} looks up line by line before it parses all its lines. */
export const LOOKUPS_BEFORE_WHOLE = 64;

/**
 * A phrase table's phrases by first word as the build writes them, one line per word (`\nword\tJSON of its
 * phrases`), read back on demand: a query looks up a handful of its words, and only their lines are parsed (the
 * taxonomy's 350 words were 53 KB of JSON, made into a map of objects every search). Anything else asked of it
 * (its size, its words), or more words than {@link LOOKUPS_BEFORE_WHOLE}, parses every line once.
 */
export class PhraseLines<T> implements ReadonlyMap<string, Phrase<T>[]> {
  private readonly seen = new Map<string, Phrase<T>[] | undefined>();
  private whole?: Map<string, Phrase<T>[]>;
  /** `lines`: the lines, each after a line break, ending with one */
  constructor(private readonly lines: string) {}

  /** The lines of a table's first words, as {@link PhraseLines} reads them. */
  static write<T>(byFirst: ReadonlyMap<string, Phrase<T>[]>): string {
    let text = '\n';
    for (const [word, phrases] of byFirst) {
      if (/[\t\n]/.test(word))
        throw new Error(`a phrase's first word holds a tab or a line break: ${JSON.stringify(word)}`);
      text += `${word}\t${JSON.stringify(phrases)}\n`;
    }
    return text;
  }

  get(word: string): Phrase<T>[] | undefined {
    if (this.whole) return this.whole.get(word);
    if (this.seen.has(word)) return this.seen.get(word);
    // each word not yet seen is a search of all the lines: past a query's few, parse them all once (enriching a
    // corpus looks up every word it holds: 100,000 items took 21 s to enrich this way, against 4 s)
    if (this.seen.size >= LOOKUPS_BEFORE_WHOLE) return this.all().get(word);
    let found: Phrase<T>[] | undefined;
    if (!/[\t\n]/.test(word)) {
      const at = this.lines.indexOf(`\n${word}\t`);
      if (at >= 0) {
        const from = at + word.length + 2;
        found = JSON.parse(this.lines.slice(from, this.lines.indexOf('\n', from))) as Phrase<T>[];
      }
    }
    this.seen.set(word, found);
    return found;
  }
  has(word: string): boolean {
    return this.get(word) !== undefined;
  }
  /** every line, parsed once (a word already looked up keeps the phrases it was given) */
  private all(): Map<string, Phrase<T>[]> {
    if (!this.whole) {
      const whole = new Map<string, Phrase<T>[]>();
      for (let at = 1; at < this.lines.length; ) {
        const tab = this.lines.indexOf('\t', at);
        const end = this.lines.indexOf('\n', tab);
        const word = this.lines.slice(at, tab);
        whole.set(word, this.seen.get(word) ?? (JSON.parse(this.lines.slice(tab + 1, end)) as Phrase<T>[]));
        at = end + 1;
      }
      this.whole = whole;
    }
    return this.whole;
  }
  get size(): number {
    return this.all().size;
  }
  keys() {
    return this.all().keys();
  }
  values() {
    return this.all().values();
  }
  entries() {
    return this.all().entries();
  }
  [Symbol.iterator]() {
    return this.all()[Symbol.iterator]();
  }
  forEach(fn: (value: Phrase<T>[], key: string, map: ReadonlyMap<string, Phrase<T>[]>) => void, self?: unknown): void {
    for (const [k, v] of this.all()) fn.call(self, v, k, this);
  }
}

/**
 * One table as the build stores it: a line of JSON (its maps as lists of entries, but the phrases by first word),
 * then the phrases by first word as {@link PhraseLines}.
 */
export function tableText(part: Part, enrichers: Enrichers): string {
  const { gazetteer, topics } = enrichers;
  const table = enrichers[part].table as PhraseTable<unknown>;
  const plain =
    part === 'gazetteer'
      ? { ...gazetteer, table: { prefixes: table.prefixes }, lookup: [...gazetteer.lookup] }
      : { ...topics, table: { prefixes: table.prefixes } };
  return JSON.stringify(plain) + PhraseLines.write(table.byFirst);
}

/**
 * One table read back from {@link tableText}. JSON.parse, not v8.deserialize: loading node:v8 (and the stream
 * modules it brings) would cost a search more than reading the table does.
 */
export function tableFromText<P extends Part>(part: P, text: string): Enrichers[P] {
  const nl = text.indexOf('\n');
  const plain = JSON.parse(text.slice(0, nl));
  const table: PhraseTable<unknown> = { byFirst: new PhraseLines(text.slice(nl)), prefixes: plain.table.prefixes };
  return (
    part === 'gazetteer' ? { ...plain, table, lookup: new Map(plain.lookup) } : { ...plain, table }
  ) as Enrichers[P];
}

/** The compiled tables and their header, as the build writes them to {@link compiledTablesFile}. */
export function serializeEnrichers(enrichers: Enrichers): Buffer {
  const parts = PARTS.map((p) => Buffer.from(tableText(p, enrichers)));
  const header: Header = {
    format: FORMAT,
    meso: __MESO_VERSION__,
    tables: tablesChecksum(),
    bytes: { gazetteer: parts[0]!.length, topics: parts[1]!.length },
    crc32: { gazetteer: crc32(parts[0]!), topics: crc32(parts[1]!) },
    words: { gazetteer: queryWordsOf('gazetteer', enrichers), topics: queryWordsOf('topics', enrichers) },
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...parts]);
}

/** The file of compiled tables, opened once: its header and where each part starts; undefined if it cannot serve. */
interface Compiled {
  header: Header;
  file: string;
  start: Record<Part, number>;
}

let compiled: Compiled | null | undefined;

/**
 * The tables compiled by the build (a few milliseconds to read, against about 40 to compile), when they were
 * compiled from the data files as they are now by this version of meso; else null. Only the header line is read
 * here (the gazetteer, most of the file, is read only when a query needs it).
 */
function readCompiled(): Compiled | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    const file = compiledTablesFile();
    const fd = openSync(file, 'r');
    let size: number;
    let header: Header;
    let nl: number;
    try {
      size = fstatSync(fd).size;
      const [first, end] = readHeaderLine(fd, size, 32 * 1024); // the header is about 17 KB
      nl = end;
      header = JSON.parse(first.toString('utf8', 0, nl)) as Header;
    } finally {
      closeSync(fd);
    }
    if (header.format !== FORMAT || header.meso !== __MESO_VERSION__ || header.tables !== tablesChecksum())
      return compiled;
    const start = { gazetteer: nl + 1, topics: nl + 1 + header.bytes.gazetteer };
    if (start.topics + header.bytes.topics !== size) return compiled; // cut short or grown: damaged
    compiled = { header, file, start };
  } catch {
    // not built, damaged: compile instead
  }
  return compiled;
}

const loaded: Partial<Enrichers> = {};
let compiledNow: Enrichers | undefined;

/** One of the tables, once per process: read as the build compiled it when data/ is unchanged, else compiled now. */
function getPart<P extends Part>(part: P): Enrichers[P] {
  loaded[part] ??= timed('tables', () => {
    const file = readCompiled();
    if (file) {
      try {
        const start = file.start[part];
        const bytes = readRange(file.file, start, start + file.header.bytes[part]);
        if (crc32(bytes) === file.header.crc32[part]) return tableFromText(part, bytes.toString('utf8'));
      } catch {
        // cut short, or its first line does not parse: compile instead
      }
      // damaged (its length as written, not its bytes): compile instead
    }
    compiledNow ??= compileEnrichers();
    return compiledNow[part];
  });
  return loaded[part]!;
}

/** The compiled gazetteer and taxonomy, once per process, on first use: read as the build compiled them when
 * the data tables are unchanged, else compiled now. */
export function getEnrichers(): Enrichers {
  return { gazetteer: getPart('gazetteer'), topics: getPart('topics') };
}

/** Tables with nothing in them: what a query that names no country (or no topic) is read against. */
let empty: Enrichers | undefined;
const emptyTables = (): Enrichers =>
  (empty ??= { gazetteer: compileGazetteer([]), topics: compileTopics({ threshold: 1, topics: [] }) });

/** The query words of each table, from the compiled file's header, else from the tables compiled now. */
function queryWordsFor(part: Part): QueryWords {
  const file = readCompiled();
  return file ? file.header.words[part] : queryWordsOf(part, getEnrichers());
}

/**
 * The tables a search query is read against (to find the countries and topics it names, see namedTags in
 * query/): each table is read only when a word of the query can start one of its names (`trafficking` reads the
 * taxonomy, `guatemalteco` the gazetteer, `hurricane relief` neither); the other is an empty table, which names
 * nothing, as the full one would not have for that query. The gazetteer is most of the compiled tables.
 */
export function enrichersForQuery(text: string): Enrichers {
  const folded = foldText(text);
  const terms = new Set([...tokenize(folded), ...splitAlnum(folded).filter(Boolean)]);
  const named = (part: Part) => {
    const { words, prefixes } = queryWordsFor(part);
    return [...terms].some((t) => words.includes(`\n${t}\n`) || prefixes.some((p) => t.startsWith(p)));
  };
  return {
    gazetteer: named('gazetteer') ? getPart('gazetteer') : emptyTables().gazetteer,
    topics: named('topics') ? getPart('topics') : emptyTables().topics,
  };
}
