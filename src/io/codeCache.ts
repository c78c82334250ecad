import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { makeDirs } from './makeDirs.js';
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from './crc32.js';

/** Where a script's compiled code is kept, and what it was compiled from. */
export interface CodeCacheFile {
  /** the cache file */
  file: string;
  /**
   * what the cached code is valid for: the script's content (its SHA-1, from the build), and the Node and V8 that
   * compiled it. V8 itself only compares the source's length, its version and its flags.
   */
  key: string;
  /**
   * how the names of this build's caches for this Node begin (one per command): kept when one is written, where
   * other builds' caches (the same name up to its first dash) and temporary files left by a killed write go after
   * a week; without it, the name up to its second dash
   */
  family?: string;
}

/** Cache files of other builds, left alone this long (another copy of meso may still use them), then removed. */
const STALE_MS = 7 * 24 * 3600 * 1000;

/**
 * The cached code in `cache`, when it was made for `key` and is whole (its length and CRC-32 as written); else
 * undefined. V8 checks none of the bytes: handing it damaged code would run damaged code.
 */
function readCodeCache({ file, key }: CodeCacheFile): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(10);
  if (nl < 0) return undefined;
  try {
    const head = JSON.parse(bytes.toString('latin1', 0, nl)) as {
      key?: unknown;
      length?: unknown;
      crc32?: unknown;
    };
    const data = bytes.subarray(nl + 1);
    if (head.key !== key || head.length !== data.length || head.crc32 !== crc32(data)) return undefined;
    return data;
  } catch {
    return undefined;
  }
}

/**
 * Writes compiled code to `cache`: to a temporary file beside it, then renamed over it, so that no reader ever
 * sees half a file. Removes, once untouched for a week, the files of the same bundle (the name up to its first
 * dash) outside the cache's `family` (other builds, other Nodes) and temporary files a killed write left. Never
 * throws: a cache that cannot be written is only slower.
 */
function writeCodeCache({ file, key, family }: CodeCacheFile, data: Buffer): void {
  const dir = dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    makeDirs(dir);
    const head = `${JSON.stringify({ key, length: data.length, crc32: crc32(data) })}\n`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(head, 'latin1'), data]));
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* never made */
    }
    return;
  }
  const name = basename(file);
  const prefix = name.slice(0, name.indexOf('-') + 1);
  const own = family ?? name.slice(0, name.indexOf('-', prefix.length) + 1);
  try {
    for (const f of readdirSync(dir)) {
      if (f === name || !prefix || !f.startsWith(prefix) || (own && f.startsWith(own) && !f.endsWith('.tmp'))) continue;
      const other = join(dir, f);
      if (Date.now() - statSync(other).mtimeMs > STALE_MS) unlinkSync(other);
    }
  } catch {
    /* another run removed it first, or the folder cannot be listed */
  }
}

/**
 * The function Node wraps a CommonJS module's code in (module.wrapper), written out rather than asked of
 * node:module, whose loading is a quarter of a millisecond of every run. The build wraps dist/run.cjs with
 * {@link wrapModule} too, so that the file it writes and the wrapper looked for here never differ.
 */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** CommonJS code wrapped as Node wraps a module (module.wrap): evaluated, it gives the module's function. */
export const wrapModule = (code: string): string => `${WRAPPER[0]}${code}${WRAPPER[1]}`;

/** A CommonJS module run with {@link requireWithCodeCache}: its exports, and how to keep its compiled code. */
export interface CachedModule<T> {
  exports: T;
  /**
   * Writes the code V8 has compiled so far (the module and every function the run has called) to the cache, when
   * the cache had none for it; else does nothing (code compiled from a cache would all be written back, what the
   * run used and what it did not). Called at the end of a run, so the next one starts compiled.
   */
  save(): void;
  /** whether the module was compiled from the cache */
  cached: boolean;
}

/**
 * Loads a CommonJS file as `require` would (same wrapper, same `require`, `module`, `__filename` and `__dirname`),
 * but compiles it with V8's code cache from `cache` when there is a valid one: the parsing and compiling the run
 * would do is read instead. Without `cache`, it is compiled as usual. Node 22's `module.enableCompileCache` does
 * the same for files it loads itself; Node 20 has only this way. The module's `require` is `load`: the caller's
 * own when the file sits in the caller's folder (no node:module to load for createRequire), else made for it.
 */
export function requireWithCodeCache<T>(
  file: string,
  cache?: CodeCacheFile,
  load: NodeJS.Require = createRequire(file),
): CachedModule<T> {
  const cachedData = cache && readCodeCache(cache);
  const bytes = readFileSync(file);
  // an ASCII file (the build writes dist/run.cjs so) is decoded as Latin-1: the same text, made faster than V8
  // decodes UTF-8 (readFileSync(file, 'utf8') took about 1 ms more for dist/run.cjs)
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // a file the build wrote already wrapped is compiled as it is: wrapping would copy it whole
  const script = new Script(source.startsWith(WRAPPER[0]) ? source : wrapModule(source), {
    filename: file,
    cachedData,
  });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, load, module, file, dirname(file));
  return {
    exports: module.exports,
    cached,
    save: () => {
      if (cache && !cached) writeCodeCache(cache, script.createCachedData());
    },
  };
}
