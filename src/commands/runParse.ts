import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { emitRows, pickFormat } from './emitItems.js';
import { parseFields, selectFields } from '../render/records.js';
import { formatDiagnostic, printDiagnostics, stdinHint } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import {
  listPages,
  readPageFiles,
  readStreamPage,
  noReadablePages,
  DEFAULT_MAX_PAGE_BYTES,
} from '../load/readPages.js';
import { parsePage } from '../parse/parsePage.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { isCountryListFor } from '../enrich/isCountryList.js';
import { itemId } from '../parse/itemId.js';
import { renderJson } from '../render/renderJson.js';
import { UsageError } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';

const PARSE_FIX = {
  missing: 'give meso parse page files, folders of .txt pages, or - for standard input',
  empty: 'give meso parse .txt page files or folders that hold them',
};

/** The fields of an item row of meso parse (--jsonl, --csv, --format tsv, --fields). */
const PARSE_FIELDS = ['file', 'line', 'id', 'date', 'title', 'summary', 'lines'];

interface ParseOpts extends CommonOptions {
  strict?: boolean;
}

/** What `meso parse` does (the command, its flags and its help: makeParseCommand). */
export async function runParse(files: string[], self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<ParseOpts>();
  const diagnostics: Diagnostic[] = [];
  if (files.includes('-')) stdinHint(rt);
  const maxBytes = opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const listed = listPages(files, { maxBytes, fix: PARSE_FIX });
  diagnostics.push(...listed.diagnostics);
  const pages = readPageFiles(listed.files, diagnostics);
  // standard input (-), a FIFO or a device named (`meso parse <(curl …)`): read to its end, as one page each
  for (const stream of listed.streams) pages.push(...readStreamPage(stream, diagnostics, maxBytes));
  const fileDiagnostics = [...diagnostics];
  const isCountryList = isCountryListFor(getEnrichers().gazetteer);
  const results = pages.map((p) => {
    const parsed = parsePage(p.text, p.file, { isCountryList });
    return {
      file: p.file,
      layout: parsed.layout,
      kind: parsed.kind,
      order: parsed.order,
      why: parsed.why,
      items: parsed.items.map((i) => ({
        id: itemId(i.title),
        title: i.title,
        date: i.date,
        summary: i.summary,
        ...(i.body === undefined ? {} : { body: i.body }),
        ...(i.facts === undefined ? {} : { facts: i.facts }),
        line: i.source.line,
        lines: i.lines,
      })),
      diagnostics: parsed.diagnostics,
    };
  });
  /** what --strict fails on: lines left out that are not notes, and doubts */
  const failing = [...fileDiagnostics, ...results.flatMap((r) => r.diagnostics.filter((d) => d.level !== 'note'))];
  const format = pickFormat(opts, rt);
  const fields = parseFields(opts.fields, PARSE_FIELDS);
  if (format === 'json') {
    const pick = (items: Array<Record<string, unknown>>) => items.map((i) => selectFields(i, fields));
    rt.out(renderJson({ pages: results.map((r) => ({ ...r, items: pick(r.items) })), diagnostics: fileDiagnostics }));
  } else if ((format !== 'table' && format !== 'lines') || fields) {
    // one row per item found; the warnings and doubts, which are not items, go to stderr (notes stay out)
    const rows = results.flatMap((r) => r.items.map((i) => ({ file: r.file, ...i })));
    printDiagnostics(failing, { ...opts, verbose: true }, rt);
    await emitRows({ fields: PARSE_FIELDS, records: rows, table: () => '' }, opts, rt);
  } else {
    printDiagnostics(fileDiagnostics, opts, rt);
    let text = '';
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    for (const r of results) {
      const notes = r.diagnostics.filter((d) => d.level === 'note').length;
      const doubts = r.diagnostics.filter((d) => d.level === 'doubt').length;
      const warnings = r.diagnostics.length - notes - doubts;
      text += `${escapeForTerminal(r.file)}: ${r.kind === 'empty' ? '' : `${r.kind}, ${r.layout} layout, `}${plural(r.items.length, 'item')}, ${plural(r.diagnostics.length, 'diagnostic')} (${plural(warnings, 'warning')}, ${plural(doubts, 'doubt')}, ${plural(notes, 'note')})\n`;
      text += `  layout: ${escapeForTerminal(r.why)}\n`;
      for (const i of r.items)
        text += `  ${String(i.line).padStart(5)}  ${i.date ?? 'undated   '}  ${escapeForTerminal(i.title)}${i.body === undefined ? '' : `  (article: ${i.body.split('\n\n').length} paragraphs)`}\n`;
      for (const d of r.diagnostics)
        text += `  ${d.level === 'note' ? 'note' : d.level === 'doubt' ? 'doubt' : 'warning'}: ${formatDiagnostic(d)}\n`;
    }
    rt.out(text);
  }
  if (pages.length === 0) throw noReadablePages(files, []); // the warnings are printed above
  if (opts.strict && failing.length > 0)
    throw new UsageError(
      `--strict: ${failing.length} line${failing.length === 1 ? '' : 's'} or file${failing.length === 1 ? '' : 's'} left out of the items or placed with a doubt (see the diagnostics)`,
    );
}
