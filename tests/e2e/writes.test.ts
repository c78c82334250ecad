import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, createRunner, makeTempDir, mesoEnv, writePages, TWO_ITEM_PAGE } from '../helpers/runMeso.js';

const { run, cacheHome } = createRunner();
const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;

/** A page of n dated items, enough to outgrow a small file system. */
function generatedPage(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(
      `${1 + (i % 28)} March, 2019`,
      '',
      `Generated item number ${i} about Belize`,
      '',
      `Summary ${i} on migration in Panama.`,
      '',
    );
  return lines.join('\n');
}

/** Quotes a word for sh. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let bigDir: string | undefined;
const big = () => (bigDir ??= writePages({ 'big.txt': generatedPage(3000) }));

/**
 * A place where writing fails with ENOSPC: a 64 KB tmpfs when this machine lets the tests mount one (root on
 * Linux), else /dev/full. Returns the file to write and a clean-up.
 */
function fullFileSystem(): { file: string; done: () => void } | null {
  if (process.platform !== 'linux') return null;
  if (isRoot) {
    const mnt = makeTempDir('meso-full-');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0)
      return { file: path.join(mnt, 'out.txt'), done: () => void spawnSync('umount', [mnt]) };
  }
  return { file: '/dev/full', done: () => {} };
}

/** Runs meso with standard output sent to `file` (opened by the shell, as `> file` would). */
function runInto(file: string, args: string[]) {
  const r = spawnSync('sh', ['-c', `${q(process.execPath)} ${q(BIN)} ${args.map(q).join(' ')} > ${q(file)}`], {
    env: mesoEnv(cacheHome),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe.skipIf(!posix)('standard output on a full file system', () => {
  // Regression: a short write to a full disk was dropped (exit 0, a cut file); /dev/full gave a stack trace.
  it.each([
    ['export --format jsonl', ['export', '--format', 'jsonl']],
    ['search --json', ['search', 'Belize', '--json', '--limit', '3000']],
  ])('%s exits 2 with "cannot write output" and no stack trace', (_name, args) => {
    const full = fullFileSystem();
    if (!full) return;
    try {
      const r = runInto(full.file, ['--data', big(), ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^meso: error: cannot write output: the disk is full \(ENOSPC\)\n$/);
    } finally {
      full.done();
    }
  });

  it.skipIf(process.platform !== 'linux')('export > /dev/full exits 2 with a message', () => {
    const r = runInto('/dev/full', ['export', '--format', 'jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('meso: error: cannot write output: the disk is full (ENOSPC)\n');
  });

  it('export --out on a full file system exits 2 naming the file', () => {
    const full = fullFileSystem();
    if (!full || full.file === '/dev/full') return;
    try {
      const r = run(['--data', big(), 'export', '--out', full.file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the disk is full');
      expect(readdirSync(path.dirname(full.file))).toEqual([]); // no half file, no temporary file
    } finally {
      full.done();
    }
  });
});

describe.skipIf(!posix)('--out and --svg into links, special files and protected files', () => {
  it('keeps the mode of a 0600 file it replaces', () => {
    const out = path.join(makeTempDir(), 'items.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const r = run(['export', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,title/);
  });

  it('writes the file a symlink names and keeps the link', () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'real.svg'), 'old');
    symlinkSync('real.svg', path.join(dir, 'chart.svg'));
    const r = run(['timeline', '--svg', path.join(dir, 'chart.svg')]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'chart.svg')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it.skipIf(process.platform !== 'linux')('writes through a link to /proc/self/fd/1 onto standard output', () => {
    const link = path.join(makeTempDir(), 'stdout-link');
    symlinkSync('/proc/self/fd/1', link);
    // through a pipe, as in a shell (a spawned child's stdout is a socket, which /proc will not reopen)
    const r = spawnSync('sh', ['-c', `${q(process.execPath)} ${q(BIN)} export --out ${q(link)} | cat`], {
      env: mesoEnv(cacheHome),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(50);
  });

  it.skipIf(process.platform !== 'linux')('appends with --out /dev/stdout >> file, as the shell opened it', () => {
    const log = path.join(makeTempDir(), 'app.log');
    writeFileSync(log, 'first line\n');
    const r = spawnSync('sh', ['-c', `${q(process.execPath)} ${q(BIN)} export --out /dev/stdout >> ${q(log)}`], {
      env: mesoEnv(cacheHome),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('first line');
    expect(lines).toHaveLength(51);
  });

  it.skipIf(!isRoot)('leaves a device a device (a private copy of /dev/null)', () => {
    const dir = makeTempDir();
    const dev = path.join(dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    const r = run(['export', '--out', dev]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });
});

describe('export --format bulk', () => {
  it('writes _id in every action line even when --fields leaves id out', () => {
    const r = run(['export', '--format', 'bulk', '--fields', 'title']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const ids = lines.filter((_, i) => i % 2 === 0).map((a) => a.index._id);
    expect(ids).toHaveLength(50);
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(50);
    expect(Object.keys(lines[1])).toEqual(['title']);
  });

  // Regression: `export --out ""` wrote to stdout, `--limit abc` read "is invalid. use a whole number"
  it('refuses an empty file name for --out and --svg, and words the fix as a sentence', () => {
    for (const args of [
      ['export', '--out', ''],
      ['timeline', '--svg', ''],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/is invalid\. Give a file name, e\.g\. --\w+ \S+/);
    }
    expect(run(['list', '--limit', 'abc']).stderr).toMatch(/is invalid\. Use a whole number/);
  });

  it.each([[''], ['News'], ['a b'], ['_hidden'], ['a/b'], ['..']])('exits 2 for the index name %j', (name) => {
    const r = run(['export', '--format', 'bulk', '--index', name]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/The index name .* e\.g\. --index meso/);
  });
});

describe('temporary files of a killed cache write', () => {
  it('are removed by the next cache write (regression: a kill -9 left *.cache.PID.RAND.tmp forever)', () => {
    const pages = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const cache = makeTempDir();
    expect(run(['--data', pages, '--cache-dir', cache, 'list']).status).toBe(0);
    const [cacheFile] = readdirSync(cache);
    expect(cacheFile).toMatch(/\.cache$/);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const orphan = `${cacheFile}.${dead}.1a2b3c4d.tmp`;
    writeFileSync(path.join(cache, orphan), 'half a cache');
    writeFileSync(path.join(pages, 'p.txt'), TWO_ITEM_PAGE.replace('Belize', 'Belize again')); // the cache is rewritten
    const r = run(['--data', pages, '--cache-dir', cache, 'list', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cache)).toEqual([cacheFile]);
  });
});

describe('the end of a run', () => {
  // Regression for ending with process.exit (which skips Node's heap teardown): standard error into a pipe is an
  // asynchronous stream on POSIX (as a terminal is on Windows); what it still holds must be written first.
  it.skipIf(!posix)(
    'writes all of a long standard error to a pipe read late, then exits with the run’s status',
    async () => {
      const { spawn } = await import('node:child_process');
      // each story twice, dated differently: one warning per story, about 130 bytes each, far past a pipe's 64 KB
      const stories = 2500;
      const lines: string[] = [];
      for (let i = 0; i < stories; i++)
        for (const day of [3, 4])
          lines.push(`${day} May, 2018`, '', `Story ${i} on returns to Honduras`, '', `What happened ${i}.`, '');
      const dir = writePages({ 'twice.txt': lines.join('\n') });
      const child = spawn(process.execPath, [BIN, 'list', '--verbose', '--json', '--no-cache', '--data', dir], {
        env: mesoEnv(makeTempDir()),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      // nobody reads standard error for a while: the pipe fills and the rest waits in meso's stream
      await new Promise((resolve) => setTimeout(resolve, 1500));
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      // a run that never ends (its stream waited for in vain) is stopped, and said so, before the test's timeout
      const stop = setTimeout(() => child.kill(), 20_000);
      const code = await new Promise((resolve) => child.on('close', resolve));
      clearTimeout(stop);
      expect(code, `exit status (null: killed after 20 s); stderr ends ${JSON.stringify(stderr.slice(-200))}`).toBe(0);
      expect(JSON.parse(stdout)).toHaveLength(stories);
      expect(stderr.length).toBeGreaterThan(200_000);
      expect(stderr.match(/same story as/g)).toHaveLength(stories);
      expect(stderr.endsWith('\n')).toBe(true);
    },
    30_000,
  );
});
