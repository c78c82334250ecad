import path from 'node:path';
import type { CommonOptions } from '../options.js';
import type { Diagnostic } from '../types.js';
import { loadCorpus, getEnrichers, type Corpus } from '../corpus.js';
import { bundledPagesDir } from '../paths.js';
import { UsageError } from '../errors.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { makeStyle, type Style } from '../render/makeStyle.js';
import { resolveFilters, type Filters } from '../query/filterItems.js';
import { loadCachedCorpus } from '../indexing/cache.js';

/** What a command may touch of the outside world; tests and main() hand in the real one. */
export interface Runtime {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns?: number;
  /** whether standard input is a terminal, where reading a page from it (`-`) waits for the user; a function, so
   * that stdin is only looked at (opened, a few milliseconds) when a page is read from it */
  stdinIsTTY?: () => boolean;
  /** the whole command line, as runCli got it (queryWords looks for a `--` in it) */
  argv?: readonly string[];
}

/** The output a command prints: a table on a terminal, plain lines in a pipe, or a chosen format. */
export type Format = 'table' | 'lines' | 'json' | 'jsonl' | 'csv';

/** Picks the output format from the flags; two format flags at once is a usage error. */
export function pickFormat(opts: CommonOptions, rt: Runtime): Format {
  const chosen = (['json', 'jsonl', 'csv'] as const).filter((f) => opts[f]);
  if (chosen.length > 1) throw new UsageError(`choose one output format: ${chosen.map((f) => `--${f}`).join(' or ')}`);
  if (opts.fields !== undefined && chosen.length === 0) throw new UsageError('--fields needs --json, --jsonl or --csv');
  return chosen[0] ?? (rt.isTTY ? 'table' : 'lines');
}

export const styleFor = (opts: CommonOptions, rt: Runtime): Style =>
  makeStyle({ color: opts.color, isTTY: rt.isTTY, columns: rt.columns, env: rt.env });

/** The data paths: --data, else MESO_DATA (paths separated like PATH), else the bundled pages. */
export function dataPaths(opts: CommonOptions, env: NodeJS.ProcessEnv): string[] {
  if (opts.data?.length) return opts.data;
  if (env.MESO_DATA) return env.MESO_DATA.split(path.delimiter).filter(Boolean);
  return [bundledPagesDir()];
}

/** Most page warnings printed before a summary line (all of them with --verbose). */
const MAX_WARNINGS = 20;

/** Prints page diagnostics on stderr as `meso: warning: file:line: message`. */
export function printDiagnostics(diagnostics: Diagnostic[], opts: CommonOptions, rt: Runtime): void {
  if (opts.quiet || diagnostics.length === 0) return;
  const shown = opts.verbose ? diagnostics : diagnostics.slice(0, MAX_WARNINGS);
  let text = '';
  for (const d of shown) text += `meso: warning: ${formatDiagnostic(d)}\n`;
  if (shown.length < diagnostics.length)
    text += `meso: warning: … and ${diagnostics.length - shown.length} more (meso parse or --verbose shows them all)\n`;
  rt.err(text);
}

/** `file:line: message: "text"`, with anything that could drive a terminal escaped. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const text =
    d.text === undefined ? '' : `: ${JSON.stringify(d.text.length > 80 ? `${d.text.slice(0, 77)}...` : d.text)}`;
  return escapeForTerminal(`${where}: ${d.message}${text}`);
}

/** Says, when standard input is a terminal, that meso waits for a page to be typed or pasted there. */
export function stdinHint(rt: Runtime): void {
  if (rt.stdinIsTTY?.())
    rt.err('meso: reading a page from standard input (the terminal): paste or type it, then press Ctrl-D\n');
}

/** Loads the corpus the flags point at (through the cache when allowed) and prints its warnings. */
export function openCorpus(opts: CommonOptions, rt: Runtime): Corpus {
  const paths = dataPaths(opts, rt.env);
  if (paths.length === 1 && paths[0] === '-') stdinHint(rt);
  const log = opts.verbose ? (msg: string) => rt.err(`meso: ${msg}\n`) : () => {};
  const useCache =
    opts.cache !== false && !(paths.length === 1 && paths[0] === '-') && rt.env.MESO_NO_CACHE === undefined;
  const options = { paths, maxPageBytes: opts.maxPageBytes };
  let corpus: Corpus;
  if (!useCache) corpus = loadCorpus(options);
  else corpus = loadCachedCorpus(options, { cacheDir: opts.cacheDir ?? rt.env.MESO_CACHE_DIR, env: rt.env, log });
  printDiagnostics(corpus.diagnostics, opts, rt);
  return corpus;
}

/** Checks the filter flags against the gazetteer and taxonomy. */
export function filtersFor(opts: CommonOptions): Filters {
  const { gazetteer, topics } = getEnrichers();
  return resolveFilters(opts, gazetteer, topics.taxonomy);
}

/**
 * The query words of search and timeline. Those commands let unknown options through so that `-word`
 * excludes; an unknown `--flag` is still a mistake, reported with the way to search for it.
 */
export function queryWords(words: string[], argv: readonly string[] = []): string[] {
  const escaped = new Set(argv.slice(argv.indexOf('--') + 1 || argv.length));
  const flag = words.find((w) => /^--[^-]/.test(w) && !escaped.has(w));
  if (flag)
    throw new UsageError(
      `unknown option '${flag}' (see --help; to search for a word starting with "--", put -- before the query)`,
    );
  return words;
}
