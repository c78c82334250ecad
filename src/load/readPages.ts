import {
  closeSync,
  type Dirent,
  type Stats,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { UsageError } from '../errors.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';

/** A page read from disk (or standard input), decoded. */
export interface PageFile {
  /** path relative to the data folder, with forward slashes ("-" for standard input) */
  file: string;
  /** absolute path, for the cache fingerprint ("" for standard input) */
  absolute: string;
  text: string;
  size: number;
  mtimeMs: number;
}

/** What reading the data found: the pages, and the files it skipped or read with a warning. */
export interface ReadResult {
  pages: PageFile[];
  diagnostics: Diagnostic[];
}

/** A page file found on disk, not yet read. */
export type PageEntry = Omit<PageFile, 'text'>;

/** What listing the data found: the page files, and what was skipped while walking. */
export interface ListResult {
  files: PageEntry[];
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** files larger than this are skipped with a warning (bytes) */
  maxBytes: number;
  /** what to do about a path that is missing or holds no pages (default: about --data) */
  fix?: { missing: string; empty: string };
}

const DATA_FIX = {
  missing: 'pass --data with a folder of .txt pages or a page file',
  empty: 'point --data at a folder of pages, or at page files',
};

/** 50 MB: far larger than any listing page; a bigger file is something else. */
export const DEFAULT_MAX_PAGE_BYTES = 50 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Byte offset of the first invalid UTF-8 sequence in a buffer, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need === 2 && ((b === 0xe0 && buf[i + 1]! < 0xa0) || (b === 0xed && buf[i + 1]! > 0x9f))) return i;
    if (need === 3 && ((b === 0xf0 && buf[i + 1]! < 0x90) || (b === 0xf4 && buf[i + 1]! > 0x8f))) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a page's bytes. Returns null (with a diagnostic) for content that is not a text page: NUL bytes,
 * empty or blank files. Invalid UTF-8 is replaced with U+FFFD and reported with its byte offset.
 */
export function decodePage(buf: Uint8Array, file: string, diagnostics: Diagnostic[]): string | null {
  const warn = (message: string) => diagnostics.push({ file, line: 0, message });
  if (buf.length === 0) return (warn('empty file, skipped'), null);
  if (buf.subarray(0, 8192).includes(0)) return (warn('binary file (contains NUL bytes), skipped'), null);
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    const offset = firstInvalidUtf8(buf);
    warn(`invalid UTF-8 at byte ${offset}; the bad bytes are shown as \uFFFD and the rest of the page is read`);
    text = lenient.decode(buf);
  }
  if (text.trim() === '') return (warn('file holds only blank lines, skipped'), null);
  return text;
}

/** Shows a path in a message with spaces kept and control characters escaped. */
export const showPath = (p: string) => escapeForTerminal(p);

/**
 * Lists the `.txt` pages at the given paths without reading them: folders are searched recursively in a
 * stable (code-point) order; files are taken as given. Skips, with a one-line warning each, files too large,
 * unreadable folders, folder symlink loops and symlinks that leave the data folder. Throws UsageError when a
 * path does not exist or holds no pages.
 */
export function listPages(paths: string[], options: ReadOptions = { maxBytes: DEFAULT_MAX_PAGE_BYTES }): ListResult {
  const files: PageEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    let stat: Stats;
    try {
      stat = statSync(given);
    } catch {
      throw new UsageError(`data path ${showPath(given)} does not exist: ${(options.fix ?? DATA_FIX).missing}`);
    }
    const before = files.length;
    const warned = diagnostics.length;
    if (stat.isDirectory()) {
      const root = realpathSync(given);
      walk(root, root, '', new Set([root]), files, diagnostics, options);
    } else {
      addFile(path.resolve(given), path.basename(given), files, diagnostics, options);
    }
    if (files.length === before && diagnostics.length === warned) {
      throw new UsageError(`data path ${showPath(given)} holds no .txt pages: ${(options.fix ?? DATA_FIX).empty}`);
    }
  }
  return { files, diagnostics };
}

/** Reads and decodes listed pages; unreadable, binary and blank files become diagnostics. */
export function readPageFiles(entries: PageEntry[], diagnostics: Diagnostic[]): PageFile[] {
  const pages: PageFile[] = [];
  for (const e of entries) {
    let buf: Buffer;
    try {
      buf = readFileSync(e.absolute);
    } catch (err) {
      diagnostics.push({
        file: e.file,
        line: 0,
        message: `file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}), skipped`,
      });
      continue;
    }
    const text = decodePage(buf, e.file, diagnostics);
    if (text !== null) pages.push({ ...e, text });
  }
  return pages;
}

/** Lists and reads the pages at the given paths; throws UsageError when none can be read. */
export function readPages(paths: string[], options: ReadOptions = { maxBytes: DEFAULT_MAX_PAGE_BYTES }): ReadResult {
  const { files, diagnostics } = listPages(paths, options);
  const pages = readPageFiles(files, diagnostics);
  if (pages.length === 0) throw noReadablePages(paths);
  return { pages, diagnostics };
}

export const noReadablePages = (paths: string[]) =>
  new UsageError(
    `no readable pages in ${paths.map(showPath).join(', ')}: every file was skipped (see the warnings above)`,
  );

function walk(
  root: string,
  dir: string,
  rel: string,
  seen: Set<string>,
  files: PageEntry[],
  diagnostics: Diagnostic[],
  options: ReadOptions,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    diagnostics.push({
      file: rel || '.',
      line: 0,
      message: `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}), skipped`,
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = abs;
    if (entry.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
        const st = statSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        diagnostics.push({
          file: relPath,
          line: 0,
          message: code === 'ELOOP' ? 'symlink loop, skipped' : 'broken symlink, skipped',
        });
        continue;
      }
      if (real !== root && !real.startsWith(root + path.sep)) {
        diagnostics.push({ file: relPath, line: 0, message: 'symlink leads outside the data folder, skipped' });
        continue;
      }
    }
    if (isDir) {
      if (seen.has(real)) {
        diagnostics.push({ file: relPath, line: 0, message: 'folder symlink loop, skipped' });
        continue;
      }
      seen.add(real);
      walk(root, abs, relPath, seen, files, diagnostics, options);
      seen.delete(real);
    } else if (isFile && entry.name.toLowerCase().endsWith('.txt')) {
      addFile(abs, relPath, files, diagnostics, options);
    }
  }
}

function addFile(abs: string, rel: string, files: PageEntry[], diagnostics: Diagnostic[], options: ReadOptions): void {
  let st: Stats;
  try {
    st = statSync(abs);
  } catch (e) {
    diagnostics.push({
      file: rel,
      line: 0,
      message: `file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}), skipped`,
    });
    return;
  }
  if (!st.isFile()) {
    diagnostics.push({ file: rel, line: 0, message: 'not a regular file (a FIFO, device or socket), skipped' });
    return;
  }
  if (st.size > options.maxBytes) {
    diagnostics.push({
      file: rel,
      line: 0,
      message: `file is ${st.size} bytes, over the ${options.maxBytes}-byte page limit (--max-page-bytes), skipped`,
    });
    return;
  }
  files.push({ file: rel, absolute: abs, size: st.size, mtimeMs: st.mtimeMs });
}

/** Reads standard input to the end as one page named "-". */
export function readStdinPage(diagnostics: Diagnostic[]): PageFile[] {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(65536);
  let fd = 0;
  try {
    fd = openSync('/dev/stdin', 'r');
  } catch {
    fd = 0;
  }
  for (;;) {
    let n = 0;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  if (fd !== 0) closeSync(fd);
  const buf = Buffer.concat(chunks);
  const text = decodePage(buf, '-', diagnostics);
  return text === null ? [] : [{ file: '-', absolute: '', text, size: buf.length, mtimeMs: 0 }];
}
