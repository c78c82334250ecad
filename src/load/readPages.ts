import {
  closeSync,
  type Dirent,
  fstatSync,
  lstatSync,
  type Stats,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, resolve, sep as SEP } from 'node:path';
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
  /** the inode's change time: a chmod or chown changes it, not mtime (part of the cache fingerprint) */
  ctimeMs?: number;
  /** the path's bytes, when its name is not valid UTF-8 and `absolute` only shows it */
  bytes?: Buffer;
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
  /**
   * given paths read as one page each, to their end, never cached: `-` (standard input), a FIFO or a character
   * device (`--data <(curl …)`, `/dev/stdin`)
   */
  streams: string[];
}

/** Whether a path given as data is read as a stream (see ListResult.streams) rather than as a file or folder. */
const isStream = (st: Stats) => st.isFIFO() || st.isCharacterDevice();

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

// made when first used: a TextDecoder costs about 0.1 ms to make, and a search read from the cache decodes no page
let strictUtf8: InstanceType<typeof TextDecoder> | undefined;
let lenientUtf8: InstanceType<typeof TextDecoder> | undefined;
const decoder = () => (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true }));
const lenient = () => (lenientUtf8 ??= new TextDecoder('utf-8'));

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

/** Byte offset of the first NUL byte from `from` on, or -1 (memchr: fast on pages of any size). */
const firstNul = (buf: Uint8Array, from = 0) => Buffer.from(buf.buffer, buf.byteOffset, buf.length).indexOf(0, from);

/** Decodes UTF-16 text after its byte-order mark; big-endian is swapped to little-endian first. */
function decodeUtf16(buf: Uint8Array, bigEndian: boolean, warn: (m: string) => void): string {
  let body = buf.subarray(2);
  if (body.length % 2 === 1) {
    warn('UTF-16 text ends in half a character; it is left out');
    body = body.subarray(0, body.length - 1);
  }
  if (bigEndian) body = Buffer.from(body).swap16();
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(body);
  } catch {
    warn('invalid UTF-16 (an unpaired surrogate); it is shown as \uFFFD and the rest of the page is read');
    return new TextDecoder('utf-16le').decode(body);
  }
}

/**
 * Decodes a page's bytes: UTF-8 (with or without a BOM), or UTF-16 when a byte-order mark says so. Returns
 * null (with a diagnostic) for content that is not a text page: NUL bytes in its first 8 KB (binary), empty
 * or blank files. Invalid UTF-8 is replaced with U+FFFD and reported with its byte offset; NUL bytes further
 * on are removed and reported, so they never reach an item.
 */
export function decodePage(buf: Uint8Array, file: string, diagnostics: Diagnostic[]): string | null {
  const warn = (message: string) => diagnostics.push({ file, line: 0, message });
  if (buf.length === 0) return (warn('empty file, skipped'), null);
  let text: string;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    text = decodeUtf16(buf, buf[0] === 0xfe, warn);
  } else {
    const nul = firstNul(buf);
    if (nul >= 0 && nul < 8192) return (warn('binary file (contains NUL bytes), skipped'), null);
    try {
      text = decoder().decode(buf);
    } catch {
      const offset = firstInvalidUtf8(buf);
      warn(`invalid UTF-8 at byte ${offset}; the bad bytes are shown as \uFFFD and the rest of the page is read`);
      text = lenient().decode(buf);
    }
    if (nul >= 0) warn(`NUL bytes from byte ${nul} on are removed; the rest of the page is read`);
  }
  if (text.includes('\0')) text = text.replaceAll('\0', '');
  if (text.trim() === '') return (warn('file holds only blank lines, skipped'), null);
  return text;
}

/** Shows a path in a message with spaces kept and control characters escaped. */
export const showPath = (p: string) => escapeForTerminal(p);

/** Why a --data path cannot be used, from the error of its stat. */
function whyUnusable(given: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'is a symlink loop';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be reached (permission denied)';
  if (code === 'ENAMETOOLONG') return 'is too long a path';
  if (code === 'ENOENT') {
    try {
      if (lstatSync(given).isSymbolicLink()) return 'is a broken symlink (what it points to does not exist)';
    } catch {
      /* not there at all */
    }
  }
  if (code === 'ENOTDIR') return 'does not exist (a part of it is not a folder)';
  return 'does not exist';
}

/** A path as given on the command line, in forward slashes and without a trailing one, to name its pages. */
const givenName = (given: string) => given.replace(/\\/g, '/').replace(/(.)\/+$/, '$1');

/**
 * Lists the `.txt` pages at the given paths without reading them: folders are searched recursively in a
 * stable (code-point) order; files are taken as given. Skips, with a one-line warning each, files too large,
 * unreadable folders, folder symlink loops and symlinks that leave the data folder. Throws UsageError when a
 * path does not exist or holds no pages. Pages are named relative to their folder (a file by its base name);
 * when two given paths hold pages of the same name, those pages are named with the path given before them
 * (`a/p.txt`, `b/p.txt`), so that sources tell them apart.
 */
export function listPages(paths: string[], options: ReadOptions = { maxBytes: DEFAULT_MAX_PAGE_BYTES }): ListResult {
  const files: PageEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const roots: Array<{ given: string; from: number; to: number; folder: boolean }> = [];
  const streams: string[] = [];
  const streamKeys = new Set<string>();
  const warnTwice = (given: string) =>
    diagnostics.push({ file: given, line: 0, message: 'given twice as --data, read once' });
  for (const given of paths) {
    if (given === '-') {
      if (streams.includes(given)) warnTwice(given);
      else streams.push(given);
      continue;
    }
    let stat: Stats;
    try {
      stat = statSync(given);
    } catch (e) {
      throw new UsageError(
        `data path ${showPath(given)} ${whyUnusable(given, e)}: ${(options.fix ?? DATA_FIX).missing}`,
      );
    }
    if (isStream(stat)) {
      // the same stream twice would be read once, and waited on (a FIFO) or found empty the second time
      const key = `${stat.dev}:${stat.ino}`;
      if (streamKeys.has(key)) warnTwice(given);
      else {
        streamKeys.add(key);
        streams.push(given);
      }
      continue;
    }
    const before = files.length;
    const warned = diagnostics.length;
    if (stat.isDirectory()) {
      const root = realpathSync(given);
      walk(root, root, '', new Set([keyOf(root)]), files, diagnostics, options);
    } else {
      addFile(resolve(given), basename(given), files, diagnostics, options);
    }
    if (files.length === before && diagnostics.length === warned) {
      throw new UsageError(`data path ${showPath(given)} holds no .txt pages: ${(options.fix ?? DATA_FIX).empty}`);
    }
    roots.push({ given, from: before, to: files.length, folder: stat.isDirectory() });
  }
  // the same name from two given paths: name those pages after the path given
  const owners = new Map<string, Set<string>>();
  for (const f of files) owners.set(f.file, (owners.get(f.file) ?? new Set()).add(f.absolute));
  for (const r of roots)
    for (let i = r.from; i < r.to; i++) {
      const f = files[i]!;
      if (owners.get(f.file)!.size > 1) f.file = r.folder ? `${givenName(r.given)}/${f.file}` : givenName(r.given);
    }
  return { files, diagnostics, streams };
}

/**
 * Reads and decodes listed pages; unreadable, binary and blank files become diagnostics. Entries that could
 * not be read at all (permissions, I/O errors: what their size and times do not show) are added to `failed`.
 */
export function readPageFiles(entries: PageEntry[], diagnostics: Diagnostic[], failed: PageEntry[] = []): PageFile[] {
  const pages: PageFile[] = [];
  for (const e of entries) {
    let buf: Buffer;
    try {
      buf = readFileSync(e.bytes ?? e.absolute);
    } catch (err) {
      failed.push(e);
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

/** Lists and reads the pages at the given paths; throws NoPagesError when none can be read. */
export function readPages(paths: string[], options: ReadOptions = { maxBytes: DEFAULT_MAX_PAGE_BYTES }): ReadResult {
  const { files, diagnostics, streams } = listPages(paths, options);
  const pages = readPageFiles(files, diagnostics);
  for (const stream of streams) pages.push(...readStreamPage(stream, diagnostics, options.maxBytes));
  if (pages.length === 0) throw noReadablePages(paths, diagnostics);
  return { pages, diagnostics };
}

/** Every file given was skipped: a usage error that carries the warnings saying why, to print before it. */
export class NoPagesError extends UsageError {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
  }
}

export const noReadablePages = (paths: string[], diagnostics: Diagnostic[]) =>
  new NoPagesError(
    `no readable pages in ${paths.map(showPath).join(', ')}: every file was skipped (see the warnings above)`,
    diagnostics,
  );

/** A path as bytes: how names that are not valid UTF-8 are kept (a string would lose them). */
const bytesOf = (p: string | Buffer) => (typeof p === 'string' ? Buffer.from(p) : p);
/** A key for a path that keeps every byte. */
const keyOf = (p: string | Buffer) => bytesOf(p).toString('latin1');

/** Shows a name that is not valid UTF-8 with its bad bytes as `\xHH`. */
export function showNameBytes(name: Uint8Array): string {
  let shown = '';
  let rest = name;
  for (;;) {
    const bad = firstInvalidUtf8(rest);
    if (bad < 0) return shown + lenient().decode(rest);
    shown += `${lenient().decode(rest.subarray(0, bad))}\\x${rest[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
    rest = rest.subarray(bad + 1);
  }
}

/**
 * A folder's entry by its name as listed: path.join's result, without its normalising (a listed name holds no
 * separator, and the folder is already a normal absolute path: about 2 ms per hundred pages, interpreted).
 */
export const childPath = (dir: string, name: string, sep = SEP) => (dir.endsWith(sep) ? dir + name : dir + sep + name);

/** A folder's entry: its name as text, and as listed (`raw`) when it was listed as bytes. */
interface NamedEntry {
  entry: Dirent<string> | Dirent<Buffer>;
  raw?: Buffer;
  /** whether the name is UTF-8 (`name` is then the name itself; else the bytes with the bad ones as \xHH) */
  valid: boolean;
  name: string;
}

/**
 * The entries of a folder, named as text where the names are UTF-8 (nearly always), else as bytes with the bad
 * ones shown as \xHH. A folder of a text path is listed as text first: Node decodes a name that is not UTF-8
 * with U+FFFD, and only then is the folder listed again as bytes (checking and decoding every name as bytes
 * took a tenth of a millisecond of each run for the five bundled pages).
 */
function listFolder(dir: string | Buffer): NamedEntry[] {
  if (typeof dir === 'string') {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (!entries.some((entry) => entry.name.includes('\ufffd')))
      return entries.map((entry) => ({ entry, valid: true, name: entry.name }));
  }
  const entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as Array<Dirent<Buffer>>;
  return entries.map((entry) => {
    const raw = entry.name as unknown as Buffer;
    const valid = isUtf8(raw);
    return { entry, raw, valid, name: valid ? raw.toString('utf8') : showNameBytes(raw) };
  });
}

function walk(
  root: string,
  dir: string | Buffer,
  rel: string,
  seen: Set<string>,
  files: PageEntry[],
  diagnostics: Diagnostic[],
  options: ReadOptions,
): void {
  let named: NamedEntry[];
  try {
    named = listFolder(dir);
  } catch (e) {
    diagnostics.push({
      file: rel || '.',
      line: 0,
      message: `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}), skipped`,
    });
    return;
  }
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rootBytes = Buffer.from(root + SEP);
  for (const { entry, raw, valid, name } of named) {
    const abs: string | Buffer =
      valid && typeof dir === 'string' ? childPath(dir, name) : Buffer.concat([bytesOf(dir), Buffer.from(SEP), raw!]);
    const relPath = rel ? `${rel}/${name}` : name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real: string | Buffer = abs;
    if (entry.isSymbolicLink()) {
      try {
        real = typeof abs === 'string' ? realpathSync(abs) : realpathSync(abs, { encoding: 'buffer' });
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
      const realBytes = bytesOf(real);
      if (keyOf(real) !== keyOf(root) && !realBytes.subarray(0, rootBytes.length).equals(rootBytes)) {
        diagnostics.push({ file: relPath, line: 0, message: 'symlink leads outside the data folder, skipped' });
        continue;
      }
    }
    if (isDir) {
      if (seen.has(keyOf(real))) {
        diagnostics.push({ file: relPath, line: 0, message: 'folder symlink loop, skipped' });
        continue;
      }
      seen.add(keyOf(real));
      walk(root, abs, relPath, seen, files, diagnostics, options);
      seen.delete(keyOf(real));
    } else if (name.toLowerCase().endsWith('.txt')) {
      // a FIFO, a device or a socket named .txt in a folder is not read (a FIFO would wait for a writer)
      if (isFile) addFile(abs, relPath, files, diagnostics, options);
      else
        diagnostics.push({ file: relPath, line: 0, message: 'not a regular file (a FIFO, device or socket), skipped' });
    }
  }
}

function addFile(
  abs: string | Buffer,
  rel: string,
  files: PageEntry[],
  diagnostics: Diagnostic[],
  options: ReadOptions,
): void {
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
  const absolute = typeof abs === 'string' ? abs : showNameBytes(abs);
  files.push({
    file: rel,
    absolute,
    size: st.size,
    mtimeMs: st.mtimeMs,
    ctimeMs: st.ctimeMs,
    ...(typeof abs === 'string' ? {} : { bytes: abs }),
  });
}

/**
 * Reads a stream to its end as one page named as given: `-` (standard input), a FIFO or a device. At most
 * `maxBytes` of it: more is skipped with a warning (as a page file over --max-page-bytes is), as is a folder
 * given as standard input.
 */
export function readStreamPage(
  stream: string,
  diagnostics: Diagnostic[],
  maxBytes = DEFAULT_MAX_PAGE_BYTES,
): PageFile[] {
  const stdin = stream === '-';
  const name = stdin ? 'standard input' : showPath(stream);
  const warn = (message: string) => diagnostics.push({ file: stream, line: 0, message });
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(65536);
  let fd = 0;
  try {
    fd = openSync(stdin ? '/dev/stdin' : stream, 'r');
  } catch (e) {
    if (!stdin) {
      warn(`file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}), skipped`);
      return [];
    }
    fd = 0;
  }
  const close = () => {
    if (fd !== 0) closeSync(fd);
  };
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      close();
      return (warn(`${name} is a folder, not a page (give a folder with --data DIR), skipped`), []);
    }
  } catch {
    /* no stat for this kind of input: read it and see */
  }
  const tooBig = () =>
    warn(`${name} is over the ${maxBytes}-byte page limit (--max-page-bytes), skipped; the rest is not read`);
  let total = 0;
  for (;;) {
    let n = 0;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      if (code === 'EISDIR') {
        close();
        return (warn(`${name} is a folder, not a page (give a folder with --data DIR), skipped`), []);
      }
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) {
      close();
      return (tooBig(), []);
    }
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  close();
  const buf = Buffer.concat(chunks);
  const text = decodePage(buf, stream, diagnostics);
  return text === null ? [] : [{ file: stream, absolute: stdin ? '' : stream, text, size: buf.length, mtimeMs: 0 }];
}
