import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, createRunner, makeTempDir, mesoEnv } from './runMeso.js';

// bin/meso.js run as a program (through its sh line and, when usable, the V8 start-up snapshot), as an
// installed `meso` is run; the other end-to-end tests run it with `node bin/meso.js`.
const hasSnapshot = existsSync(path.join(ROOT, 'dist', 'meso.blob'));
const { run, cacheHome } = createRunner();

function exec(args: string[], env: Record<string, string | undefined> = {}) {
  return spawnSync(BIN, args, {
    cwd: ROOT,
    env: mesoEnv(cacheHome, env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
}

describe('bin/meso.js run directly', () => {
  it('gives the same search results as node bin/meso.js', () => {
    const direct = exec(['search', 'trafficking', '--json']);
    const viaNode = run(['search', 'trafficking', '--json']);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(viaNode.stdout);
    expect(JSON.parse(direct.stdout).length).toBeGreaterThan(5);
  });

  it.runIf(hasSnapshot)('answers from the bundled pages preloaded in the start-up snapshot', () => {
    const r = exec(['list', '--json', '--verbose']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr).toMatch(/preloaded in the start-up snapshot/);
  });

  it('passes flags that node itself knows (--version, --help) to meso', () => {
    const v = exec(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(v.stdout.trim()).not.toBe(process.version.replace(/^v/, ''));
    expect(exec(['--help']).stdout).toMatch(/Examples:/);
  });

  it('keeps exit statuses: 1 for nothing found, 2 for a bad flag', () => {
    expect(exec(['search', 'qqqzzzxxx']).status).toBe(1);
    expect(exec(['list', '--limit', 'x']).status).toBe(2);
  });

  it('reads other data, not the preloaded pages, when --data points elsewhere', () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'p.txt'), '4 December, 2017\n\nOnly story\n\nA summary.\n');
    const r = exec(['list', '--json', '--data', dir]);
    expect(JSON.parse(r.stdout).map((i: { title: string }) => i.title)).toEqual(['Only story']);
  });

  it('falls back to plain node when the node on the PATH is not the one that built the snapshot', () => {
    const bin = makeTempDir('meso-e2e-node-');
    // another file than the node that built it (a wrapper script; a symlink would be followed to the same node)
    writeFileSync(path.join(bin, 'node'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} "$@"\n`, {
      mode: 0o755,
    });
    const r = exec(['list', '--json', '--verbose'], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr).not.toMatch(/start-up snapshot/);
  });

  it.runIf(hasSnapshot)(
    'still starts the snapshot when the node at the recorded path has another size (upgraded in place)',
    () => {
      // a node upgraded in place: the launcher cannot be sure the snapshot fits, so it runs it as a child (which
      // would fall back to plain node on a refusal, exit 14); this node accepts it
      const copy = makeTempDir('meso-e2e-copy-');
      for (const d of ['bin', 'dist', 'data'])
        cpSync(path.join(ROOT, d), path.join(copy, d), { recursive: true, preserveTimestamps: true });
      copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
      const record = path.join(copy, 'dist', 'meso.blob.node');
      const [node, version, size] = readFileSync(record, 'utf8').split('\n');
      writeFileSync(record, `${node}\n${version}\n${Number(size) + 1}\n`);
      const r = spawnSync(path.join(copy, 'bin', 'meso.js'), ['list', '--json', '--verbose'], {
        cwd: copy,
        env: mesoEnv(cacheHome),
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveLength(50);
      expect(r.stderr).toMatch(/preloaded in the start-up snapshot/);
    },
  );

  it('starts with sh from inside bin/, by a bare file name', () => {
    const r = spawnSync('sh', ['meso.js', 'search', 'smuggling', '--json'], {
      cwd: path.join(ROOT, 'bin'),
      env: mesoEnv(cacheHome),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].title).toMatch(/Smuggling/);
  });

  it.runIf(hasSnapshot)('leaves the snapshots alone when NODE_OPTIONS is set (its V8 flags would not match)', () => {
    const r = exec(['list', '--json', '--verbose'], { NODE_OPTIONS: '--max-old-space-size=2048' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr).not.toMatch(/start-up snapshot/);
  });

  it.runIf(hasSnapshot)('follows a symlinked node on the PATH to the node that built the snapshot', () => {
    const bin = makeTempDir('meso-e2e-node-');
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = exec(['list', '--json', '--verbose'], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/preloaded in the start-up snapshot/);
  });

  it('works through a symlink, as npm links an installed bin', () => {
    const dir = makeTempDir('meso-e2e-link-');
    const link = path.join(dir, 'meso');
    symlinkSync(BIN, link);
    const r = spawnSync(link, ['search', 'smuggling', '--json'], {
      cwd: dir,
      env: mesoEnv(cacheHome),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].title).toMatch(/Smuggling/);
  });
});

describe('meso stats per page', () => {
  it('counts the stories a page repeats from an earlier page as its duplicates', () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'sub'));
    const seed = readdirSync(path.join(ROOT, 'data', 'pages'))[1]!;
    copyFileSync(path.join(ROOT, 'data', 'pages', seed), path.join(dir, 'a.txt'));
    copyFileSync(path.join(ROOT, 'data', 'pages', seed), path.join(dir, 'sub', 'b.txt'));
    const s = JSON.parse(run(['stats', '--json', '--data', dir]).stdout);
    expect(s.items).toBe(10);
    expect(s.mergedDuplicates).toBe(10);
    expect(s.perPage.map((p: { file: string; duplicates: number }) => [p.file, p.duplicates])).toEqual([
      ['a.txt', 0],
      ['sub/b.txt', 10],
    ]);
  });
});
