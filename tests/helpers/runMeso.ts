import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (/work/main), found from this file's location. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The user-facing entry point. */
export const BIN = path.join(ROOT, 'bin', 'meso.js');

export interface MesoResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** text to feed on standard input */
  input?: string;
  /** extra environment variables (undefined removes one) */
  env?: Record<string, string | undefined>;
  /** working directory (default: the project root) */
  cwd?: string;
  /** another copy of bin/meso.js to run (default: this checkout's) */
  bin?: string;
}

/** Makes a fresh temporary directory. */
export function makeTempDir(prefix = 'meso-e2e-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Builds the environment every run gets: no colour, a fixed time zone, a private cache, MESO_DATA unset. */
export function mesoEnv(cacheHome: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: 'America/Costa_Rica', XDG_CACHE_HOME: cacheHome };
  delete env.MESO_DATA;
  delete env.MESO_CACHE_DIR;
  delete env.MESO_NO_CACHE;
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Returns a runner bound to one cache directory; call it once per test file so each file has its own
 * XDG_CACHE_HOME.
 */
export function createRunner(): { run: (args: string[], opts?: RunOptions) => MesoResult; cacheHome: string } {
  const cacheHome = makeTempDir('meso-e2e-cache-');
  const run = (args: string[], opts: RunOptions = {}): MesoResult => {
    const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: mesoEnv(cacheHome, opts.env),
      input: opts.input ?? '',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { run, cacheHome };
}

/** Runs meso with its own throwaway cache directory. */
export function runMeso(args: string[], opts: RunOptions = {}): MesoResult {
  return createRunner().run(args, opts);
}

/** Parses stdout as JSON, failing with stderr in the message if it is not. */
export function json<T = any>(r: MesoResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch (_e) {
    throw new Error(`stdout is not JSON (status ${r.status}): ${r.stdout.slice(0, 200)}\nstderr: ${r.stderr}`);
  }
}

/** Writes pages into a fresh temp folder and returns its path. */
export function writePages(pages: Record<string, string>): string {
  const dir = makeTempDir('meso-e2e-pages-');
  for (const [name, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A hand-written page with two dated items (Belize, then Panama). */
export const TWO_ITEM_PAGE = [
  '3 March, 2019',
  '',
  'First test title about Belize',
  '',
  'A summary of the first item in Belize.',
  '',
  '5 April, 2019',
  '',
  'Second test title about Panama',
  '',
  'A summary of the second item in Panama.',
  '',
].join('\n');

/** The same page with a stray line of symbols (line 7) between the items. */
export const STRAY_LINE_PAGE = TWO_ITEM_PAGE.replace('\n\n5 April', '\n\n?!?\n\n5 April');
