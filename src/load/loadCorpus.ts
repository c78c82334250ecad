import type { Diagnostic, Item, Layout, RawItem } from '../types.js';
import { readPages, DEFAULT_MAX_PAGE_BYTES, type PageFile } from './readPages.js';
import { parsePage } from '../parse/parsePage.js';
import { noteCorpusBuilt, nowMs, timed } from '../timings.js';
import { mergeItems } from '../parse/mergeItems.js';
import { enrichItems } from '../enrich/enrichItems.js';
import {
  countTerms,
  type PickTerms,
  type SearchIndex,
  type TermIndex,
  type TermLookup,
} from '../indexing/termIndex.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { isCountryListFor } from '../enrich/isCountryList.js';
import { compareItems } from './compareItems.js';
import type { ProgressStage } from '../io/makeProgressLine.js';

/** Per-page figures for `meso stats` and `meso parse`. */
export interface PageStats {
  file: string;
  /** "read", or "skipped" (binary, empty, too large, unreadable, not a file…; `reason` says which) */
  status: 'read' | 'skipped';
  /** why the file was skipped, or (read) what reading it warned about, e.g. invalid UTF-8; else absent */
  reason?: string;
  layout: Layout;
  items: number;
  dated: number;
  /** warnings about this page: reading it (decoding) and every line that could not be placed */
  diagnostics: number;
  /** items of this page that are the same story as one listed earlier (on this page or another) */
  duplicates: number;
}

/** Everything a command needs: the items (newest first), the index, and what reading them found. */
export interface Corpus {
  items: Item[];
  byId: Map<string, Item>;
  diagnostics: Diagnostic[];
  pages: PageStats[];
  /** raw items that were merged into another (the same story on two pages or twice on one) */
  merged: number;
  /**
   * The search index, made on first use: commands that never search never pay for it. Given the terms a query
   * needs (see termsFor in query/queryTerms.ts), it may hold only those, with the same hits as the whole
   * index and the same scores but for the last bits (see indexing/termIndex.ts); without, it holds every term.
   */
  index: (pick?: PickTerms) => SearchIndex;
  /**
   * Whether a term is in the index and how many items hold it or a near spelling, read from the index's term
   * list and postings: what ranking needs to know besides the terms `index(pick)` loaded (see rankItems).
   */
  lookup: () => TermLookup;
}

export interface LoadOptions {
  /** folders or files of pages; ["-"] for standard input */
  paths: string[];
  maxPageBytes?: number;
  /** told how far loading is: pages parsed of all pages, then the items being indexed (the progress line) */
  progress?: (done: number, total: number, stage?: ProgressStage) => void;
}

/** Parses, merges and enriches page files into a corpus (no index yet). */
export function buildCorpus(
  files: Array<Pick<PageFile, 'file' | 'text'>>,
  readDiagnostics: Diagnostic[],
  progress?: LoadOptions['progress'],
): Omit<Corpus, 'index' | 'lookup'> {
  noteCorpusBuilt();
  const diagnostics = [...readDiagnostics];
  const raw: RawItem[] = [];
  const pages: PageStats[] = [];
  const enrichers = getEnrichers();
  const isCountryList = isCountryListFor(enrichers.gazetteer);
  // what reading said about each file: for a page read, a decoding warning; for any other, why it was skipped
  const said = new Map<string, string[]>();
  for (const d of readDiagnostics) said.set(d.file, [...(said.get(d.file) ?? []), d.message]);
  for (const f of files) {
    const parsed = timed('parse', () => parsePage(f.text, f.file, { isCountryList }));
    for (const item of parsed.items) raw.push(item);
    // notes (furniture, markers, headings left out on purpose) are for meso parse, not warnings on every run;
    // but a page whose every line was set aside so gives no item, and says so
    const warnings = parsed.diagnostics.filter((d) => d.level !== 'note');
    const notes = parsed.diagnostics.filter((d) => d.level === 'note');
    if (parsed.items.length === 0 && notes.length > 0 && warnings.length === 0)
      warnings.push({
        file: f.file,
        line: notes[0]!.line,
        message: `no item on this page: its ${notes.length === 1 ? 'line' : `${notes.length} lines`} read as headings or furniture (meso parse shows how each was read)`,
      });
    for (const x of warnings) diagnostics.push(x);
    const read = said.get(f.file);
    said.delete(f.file);
    pages.push({
      file: f.file,
      status: 'read',
      ...(read ? { reason: read.join('; ') } : {}),
      layout: parsed.layout,
      items: parsed.items.length,
      dated: parsed.items.filter((i) => i.date).length,
      diagnostics: warnings.length + (read?.length ?? 0),
      duplicates: 0,
    });
    progress?.(pages.length, files.length);
  }
  for (const [file, messages] of said)
    pages.push({
      file,
      status: 'skipped',
      reason: messages.join('; '),
      layout: 'empty',
      items: 0,
      dated: 0,
      diagnostics: messages.length,
      duplicates: 0,
    });
  const merged = mergeItems(raw);
  for (const x of merged.diagnostics) diagnostics.push(x);
  const byFile = new Map(pages.map((p) => [p.file, p]));
  for (const item of merged.items) for (const s of item.sources.slice(1)) byFile.get(s.file)!.duplicates++;
  // what merging says (the same story under two dates) counts for the page it points at, as in the total
  for (const x of merged.diagnostics) {
    const page = byFile.get(x.file);
    if (page) page.diagnostics++;
  }
  const { items } = timed('enrich', () => enrichItems(merged.items, enrichers));
  items.sort(compareItems);
  return { items, byId: byIdOf(items), diagnostics, pages, merged: merged.merged };
}

/** Items by id (a loop, not a Map of pairs: at 100,000 items the pairs alone cost tens of milliseconds). */
export function byIdOf(items: readonly Item[]): Map<string, Item> {
  const byId = new Map<string, Item>();
  for (const item of items) byId.set(item.id, item);
  return byId;
}

/** read → parse → enrich → (lazily) index: the one glue every command uses. */
export function loadCorpus(options: LoadOptions): Corpus {
  const readDiagnostics: Diagnostic[] = [];
  // files and folders, and streams: standard input (-), a FIFO, a device (see listPages)
  const read = timed('read pages', () =>
    readPages(options.paths, { maxBytes: options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES }),
  );
  const files: PageFile[] = read.pages;
  for (const x of read.diagnostics) readDiagnostics.push(x);
  return withIndex(buildCorpus(files, readDiagnostics, options.progress));
}

/**
 * Adds the index to a corpus: `terms` when the caller has them (counted already, or saved in the cache), else
 * counted from the items on first use. With `fromCache` (its log), `terms` come from the cache: each load is
 * logged, and a cached index that does not read (damaged, yet with its checksum) is counted again from the
 * items, once, and that count serves every later search.
 */
export function withIndex(
  corpus: Omit<Corpus, 'index' | 'lookup'>,
  terms?: TermIndex,
  fromCache?: (message: string) => void,
): Corpus {
  let current = terms;
  const use = <T>(read: (t: TermIndex) => T): T => {
    current ??= timed('count index terms', () => countTerms(corpus.items));
    try {
      return read(current);
    } catch (e) {
      if (!fromCache || current !== terms) throw e;
      fromCache(`cached index does not load (${(e as Error).message}): rebuilding it`);
      return read((current = countTerms(corpus.items)));
    }
  };
  let whole: SearchIndex | undefined;
  const index = (pick?: PickTerms) => {
    if (whole) return whole;
    const t0 = nowMs();
    const loaded = timed('load index', () => use((t) => t.open(pick)));
    if (fromCache && current === terms)
      fromCache(
        `loaded the cached index (${loaded.termCount} term${loaded.termCount === 1 ? '' : 's'}) in ${Math.round(nowMs() - t0)} ms`,
      );
    if (!pick) whole = loaded;
    return loaded;
  };
  const lookup: TermLookup = {
    has: (term) => use((t) => t.has(term)),
    itemsNear: (term, edits) => use((t) => t.itemsNear(term, edits)),
  };
  // added to the corpus itself, not to a copy: a cached corpus parses its items only when they are asked for
  return Object.assign(corpus, { index, lookup: () => lookup });
}
