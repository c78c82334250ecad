import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, createRunner, json, makeTempDir, mesoEnv, writePages, TWO_ITEM_PAGE } from '../helpers/runMeso.js';

const { run, cacheHome } = createRunner();
const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;

type Item = { id: string; title: string; date: string | null; summary: string; countries: string[]; sources: any[] };

/** Runs meso with standard input read from a file (or device) the test opens, as `< file` would. */
function runWithStdin(file: string, args: string[], env: Record<string, string> = {}) {
  const fd = openSync(file, 'r');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: mesoEnv(cacheHome, env),
      stdio: [fd, 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  } finally {
    closeSync(fd);
  }
}

/** The warning lines, then the error line: every skipped file is explained before the run gives up. */
function expectWarningsThenError(stderr: string, warning: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length, stderr).toBeGreaterThanOrEqual(2);
  expect(lines[lines.length - 1]).toMatch(/^meso: error: no readable pages in .*see the warnings above/);
  expect(
    lines.slice(0, -1).some((l) => /^meso: warning: /.test(l) && warning.test(l)),
    stderr,
  ).toBe(true);
}

describe('standard input has the same page limit as files', () => {
  it('stops reading past --max-page-bytes, warns, and exits 2 without growing', () => {
    const r = run(['--data', '-', '--max-page-bytes', '1000', 'list'], { input: TWO_ITEM_PAGE.repeat(20) });
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /-: standard input is over the 1000-byte page limit \(--max-page-bytes\)/);
  });

  it('reads a page within the limit', () => {
    const r = run(['--data', '-', '--max-page-bytes', '1000', 'list', '--json'], { input: TWO_ITEM_PAGE });
    expect(r.status, r.stderr).toBe(0);
    expect(json<Item[]>(r)).toHaveLength(2);
  });

  it.skipIf(!posix)('ends on an endless standard input (/dev/zero) with a warning, not a crash', () => {
    const r = runWithStdin('/dev/zero', ['--data', '-', '--max-page-bytes', '100000', 'list']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /over the 100000-byte page limit/);
  });

  it.skipIf(!posix)('says a folder on standard input is a folder, not an internal error', () => {
    const r = runWithStdin(makeTempDir(), ['--data', '-', 'list']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
    expectWarningsThenError(r.stderr, /standard input is a folder, not a page/);
  });
});

describe('when every file is skipped, the warnings come before the error', () => {
  it.each([
    ['a binary file', { 'x.txt': 'a\0b' }, /x\.txt: binary file/],
    ['an empty file', { 'x.txt': '' }, /x\.txt: empty file/],
    ['a file over --max-page-bytes', { 'x.txt': TWO_ITEM_PAGE }, /x\.txt: file is \d+ bytes, over the 10-byte/],
  ])('%s', (_what, pages, warning) => {
    const file = path.join(writePages(pages), 'x.txt');
    const r = run(['--data', file, '--max-page-bytes', '10', 'list']);
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, warning);
  });

  it.skipIf(!posix)('a device given as --data that never ends (/dev/zero): read up to the page limit', () => {
    const r = run(['--data', '/dev/zero', '--max-page-bytes', '100000', 'list']);
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /\/dev\/zero is over the 100000-byte page limit/);
  });

  it('an empty standard input', () => {
    const r = run(['--data', '-', 'list'], { input: '' });
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /-: empty file/);
  });

  it('meso stats too, which otherwise counts warnings rather than printing them', () => {
    const r = run(['--data', path.join(writePages({ 'x.txt': 'a\0b' }), 'x.txt'), 'stats']);
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /binary file/);
  });

  it.skipIf(!posix)('meso parse /dev/zero exits 2 after its warning (it exited 0 with no output)', () => {
    const r = run(['parse', '/dev/zero', '--max-page-bytes', '100000']);
    expect(r.status).toBe(2);
    expectWarningsThenError(r.stderr, /\/dev\/zero is over the 100000-byte page limit/);
  });
});

describe('odd files read right or named right', () => {
  it.skipIf(!posix)('names a symlink loop given as --data as a symlink loop, not as missing', () => {
    const dir = makeTempDir();
    symlinkSync('b', path.join(dir, 'a'));
    symlinkSync('a', path.join(dir, 'b'));
    const r = run(['--data', path.join(dir, 'a'), 'list']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/data path .*a is a symlink loop/);
    expect(r.stderr).not.toMatch(/does not exist/);
  });

  it.skipIf(!posix)('names a broken symlink given as --data as such', () => {
    const dir = makeTempDir();
    symlinkSync('gone.txt', path.join(dir, 'link.txt'));
    const r = run(['--data', path.join(dir, 'link.txt'), 'list']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a broken symlink/);
  });

  it.each([
    ['UTF-16LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16BE', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('reads a %s page with a byte-order mark like its UTF-8 text', (_name, encode) => {
    const text = TWO_ITEM_PAGE.replace('Belize', 'Belize — Petén “quoted”');
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'utf8.txt'), text);
    writeFileSync(path.join(dir, 'utf16.txt'), encode(text));
    const read = (f: string) => run(['--data', path.join(dir, f), 'list', '--json', '--no-cache']);
    const r = read('utf16.txt');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const strip = (items: Item[]) => items.map(({ sources: _s, ...rest }) => rest);
    expect(strip(json<Item[]>(r))).toEqual(strip(json<Item[]>(read('utf8.txt'))));
  });

  it('removes NUL bytes found after the first 8 KB, with a warning naming the byte', () => {
    const filler = `${'A filler summary line about migration.\n'.repeat(250)}\n`; // over 8 KB
    const page = `4 December, 2017\n\nThe first title\n\n${filler}5 December, 2017\n\nA title with a\0 NUL\n\nIts summary.\n`;
    const r = run(['--data', writePages({ 'p.txt': page }), 'list', '--json', '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\\u0000');
    expect(json<Item[]>(r).map((i) => i.title)).toContain('A title with a NUL');
    expect(r.stderr).toMatch(/p\.txt: NUL bytes from byte \d+ on are removed/);
  });

  it.skipIf(process.platform !== 'linux')('reads a page whose file name is not valid UTF-8', () => {
    const dir = makeTempDir();
    const name = Buffer.concat([Buffer.from(dir), Buffer.from('/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(name, TWO_ITEM_PAGE);
    writeFileSync(path.join(dir, 'plain.txt'), TWO_ITEM_PAGE.replace(/test title/g, 'other title'));
    const r = run(['--data', dir, 'list', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/ENOENT/);
    const files = json<Item[]>(r).flatMap((i) => i.sources.map((s) => s.file));
    expect(files).toContain('caf\\xE9.txt');
    expect(files).toContain('plain.txt');
  });

  it('tells apart the same page name under two --data folders in sources', () => {
    const a = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const b = writePages({ 'p.txt': TWO_ITEM_PAGE.replace(/test title/g, 'other title') });
    const r = run(['--data', a, '--data', b, 'list', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const files = new Set(json<Item[]>(r).flatMap((i) => i.sources.map((s) => s.file)));
    expect(files).toEqual(new Set([`${a}/p.txt`, `${b}/p.txt`].map((f) => f.replace(/\\/g, '/'))));
    // one folder alone keeps short names
    expect(json<Item[]>(run(['--data', a, 'list', '--json']))[0]!.sources[0].file).toBe('p.txt');
  });
});

describe('meso stats lists every file it was given', () => {
  it('with its status: read, or skipped and why; the --help example finds them all', () => {
    const dir = writePages({
      'good.txt': TWO_ITEM_PAGE,
      'binary.txt': 'a\0b',
      'empty.txt': '',
      'bad-utf8.txt': Buffer.from([0x61, 0xff, 0x0a]).toString('latin1'),
    });
    writeFileSync(path.join(dir, 'bad-utf8.txt'), Buffer.concat([Buffer.from(TWO_ITEM_PAGE), Buffer.from([0xff])]));
    const s = json<{ pages: number; perPage: any[] }>(run(['--data', dir, 'stats', '--json']));
    const byFile = Object.fromEntries(s.perPage.map((p) => [p.file, p]));
    expect(Object.keys(byFile).sort()).toEqual(['bad-utf8.txt', 'binary.txt', 'empty.txt', 'good.txt']);
    expect(byFile['good.txt']).toMatchObject({ status: 'read', items: 2, diagnostics: 0 });
    expect(byFile['binary.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/binary/) });
    expect(byFile['empty.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/empty/) });
    expect(byFile['bad-utf8.txt']).toMatchObject({ status: 'read', reason: expect.stringMatching(/invalid UTF-8/) });
    expect(s.pages).toBe(2);
    // the --help example: .perPage[] | select(.diagnostics > 0)
    const failed = s.perPage.filter((p) => p.diagnostics > 0).map((p) => p.file);
    expect(failed.sort()).toEqual(['bad-utf8.txt', 'binary.txt', 'empty.txt']);
    const table = run(['--data', dir, 'stats']);
    expect(table.stdout).toMatch(/binary\.txt +skipped: binary file/);
  });
});

describe('the cache folder', () => {
  it('refuses an empty --cache-dir (it wrote the cache into the current folder)', () => {
    const cwd = makeTempDir();
    const r = run(['--cache-dir', '', 'list'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cache-dir needs a folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('ignores an empty MESO_CACHE_DIR and a relative XDG_CACHE_HOME', () => {
    const cwd = makeTempDir();
    const home = makeTempDir();
    for (const env of [{ MESO_CACHE_DIR: '' }, { XDG_CACHE_HOME: 'relative-cache' }]) {
      const r = run(['--data', writePages({ 'p.txt': TWO_ITEM_PAGE }), 'list'], {
        cwd,
        env: { ...env, HOME: home, XDG_CACHE_HOME: env.XDG_CACHE_HOME ?? path.join(home, 'xdg') },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(cwd)).toEqual([]);
    }
  });
});

/** A copy of the built meso (bin, dist, data) that a test may change, with its own cache. */
function copyOfMeso(): { bin: string; data: string } {
  const dir = makeTempDir('meso-copy-');
  for (const part of ['bin', 'dist', 'data', 'package.json'])
    cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  return { bin: path.join(dir, 'bin', 'meso.js'), data: path.join(dir, 'data') };
}

describe('the cache key', () => {
  it('covers the content of the data tables: an edit of countries.json that keeps size and time is seen', () => {
    const meso = copyOfMeso();
    const pages = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const cache = makeTempDir();
    const list = () => {
      const r = spawnSync(process.execPath, [meso.bin, '--data', pages, '--cache-dir', cache, 'list', '--json'], {
        env: mesoEnv(cacheHome),
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Item[];
    };
    const file = path.join(meso.data, 'countries.json');
    const T = 1_700_000_000; // whole seconds, so that the time set again after the edit is the same to the nanosecond
    utimesSync(file, T, T);
    expect(list().find((i) => i.title.includes('Belize'))!.countries).toContain('Belize');
    const text = readFileSync(file, 'utf8');
    // Belize's name spelt otherwise, same length: the page no longer names it
    const edited = text.replace('"name": "Belize"', '"name": "Bxlize"').replace(/"Belize"/g, '"Bxlize"');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, T, T);
    expect(statSync(file).mtimeMs).toBe(T * 1000);
    expect(list().find((i) => i.title.includes('Belize'))!.countries).not.toContain('Belize');
  });
});

describe.skipIf(!posix)('a page that cannot be read', () => {
  it('is read once it can be (chmod), without being touched', () => {
    const dir = writePages({ 'a.txt': TWO_ITEM_PAGE, 'b.txt': TWO_ITEM_PAGE.replace(/test title/g, 'other title') });
    const cache = makeTempDir();
    for (const d of [dir, cache]) chmodSync(d, 0o777);
    chmodSync(path.join(dir, 'a.txt'), 0o644);
    // root reads any file: run as nobody then
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
    const list = () =>
      spawnSync(process.execPath, [BIN, '--data', dir, '--cache-dir', cache, 'list', '--json'], {
        env: mesoEnv(cacheHome),
        encoding: 'utf8',
        ...asUser,
      });
    chmodSync(path.join(dir, 'b.txt'), 0o000);
    const first = list();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/b\.txt: file cannot be read/);
    expect(JSON.parse(first.stdout)).toHaveLength(2);
    chmodSync(path.join(dir, 'b.txt'), 0o644);
    const second = list();
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toHaveLength(4);
  });
});
