import { delimiter } from 'node:path';
import type { Diagnostic } from '../types.js';
import type { Runtime } from '../runtime.js';
import { loadCorpus, type Corpus } from './loadCorpus.js';
import { loadCachedCorpus } from './loadCachedCorpus.js';
import { NoPagesError } from './readPages.js';
import { bundledPagesDir } from '../paths.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { UsageError } from '../errors.js';
import { makeProgressLine } from '../io/makeProgressLine.js';

/** The flags that say where pages come from and how loading talks (a part of the commands' options). */
export interface OpenOptions {
  data?: string[];
  quiet?: boolean;
  verbose?: boolean;
  cache?: boolean;
  cacheDir?: string;
  maxPageBytes?: number;
}

/** The data paths: --data, else MESO_DATA (paths separated like PATH), else the bundled pages. */
export function dataPaths(opts: OpenOptions, env: NodeJS.ProcessEnv): string[] {
  if (opts.data?.length) return opts.data;
  if (env.MESO_DATA) return env.MESO_DATA.split(delimiter).filter(Boolean);
  return [bundledPagesDir()];
}

/** Most page warnings printed before a summary line (all of them with --verbose). */
const MAX_WARNINGS = 20;

/** Prints page diagnostics on stderr as `meso: warning: file:line: message`. */
export function printDiagnostics(diagnostics: Diagnostic[], opts: OpenOptions, rt: Runtime): void {
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

/**
 * The cache folder the user chose: --cache-dir, else MESO_CACHE_DIR (an empty one counts as unset), else
 * undefined for the default. An empty --cache-dir is a usage error: it would put the cache in the current folder.
 */
export function cacheDirOf(opts: OpenOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (opts.cacheDir !== undefined && opts.cacheDir.trim() === '')
    throw new UsageError('--cache-dir needs a folder (use --no-cache to go without the cache)');
  return opts.cacheDir ?? (env.MESO_CACHE_DIR?.trim() ? env.MESO_CACHE_DIR : undefined);
}

/**
 * Loads the corpus the flags point at (through the cache when allowed) and prints its warnings (unless
 * `warnings` is false: meso stats counts them instead). When every file was skipped, the warnings that say
 * why are printed all the same, before the error.
 */
export function openCorpus(opts: OpenOptions, rt: Runtime, warnings = true): Corpus {
  const paths = dataPaths(opts, rt.env);
  if (paths.includes('-')) stdinHint(rt);
  const log = opts.verbose ? (msg: string) => rt.err(`meso: ${msg}\n`) : () => {};
  const useCache = opts.cache !== false && !paths.includes('-') && rt.env.MESO_NO_CACHE === undefined;
  // a progress line on a terminal's stderr (not with --quiet, nor --verbose, whose log lines say as much)
  const line = makeProgressLine({
    write: rt.err,
    enabled: Boolean(rt.errIsTTY) && !opts.quiet && !opts.verbose,
    columns: rt.columns,
    env: rt.env,
  });
  const options = { paths, maxPageBytes: opts.maxPageBytes, progress: line.update };
  let corpus: Corpus;
  try {
    if (!useCache) corpus = loadCorpus(options);
    else corpus = loadCachedCorpus(options, { cacheDir: cacheDirOf(opts, rt.env), env: rt.env, log });
  } catch (e) {
    line.clear();
    if (e instanceof NoPagesError) printDiagnostics(e.diagnostics, opts, rt);
    throw e;
  }
  line.clear();
  if (warnings) printDiagnostics(corpus.diagnostics, opts, rt);
  return corpus;
}
