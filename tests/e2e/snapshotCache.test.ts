import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, createRunner, makeTempDir, mesoEnv } from './runMeso.js';

// Cache snapshots: bin/meso.js (through bin/launch.sh) on the user's own data. The first run through the cache
// compiles a start-up snapshot of the corpus in the background; later runs start from it while the pages are
// unchanged. MESO_SNAPSHOT_MIN_ITEMS=1 lets a small corpus have one.
const hasSh = existsSync('/bin/sh');
const { run } = createRunner();

function setup() {
  const data = makeTempDir('meso-e2e-snapdata-');
  cpSync(path.join(ROOT, 'data', 'pages'), data, { recursive: true });
  const cache = makeTempDir('meso-e2e-snapcache-');
  const exec = (args: string[], extra: Record<string, string | undefined> = {}) =>
    spawnSync(BIN, [...args, '--data', data, '--cache-dir', cache], {
      cwd: ROOT,
      env: mesoEnv(makeTempDir('meso-e2e-cache-'), { MESO_SNAPSHOT_MIN_ITEMS: '1', ...extra }),
      encoding: 'utf8',
      timeout: 60_000,
    });
  return { data, cache, exec };
}

/** A folder for PATH holding node and the named tools only. */
function pathWith(tools: string[]): string {
  const bin = makeTempDir('meso-e2e-path-');
  symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const tool of tools) {
    const found = ['/bin', '/usr/bin'].map((d) => path.join(d, tool)).find((f) => existsSync(f));
    if (!found) throw new Error(`${tool} not found`);
    symlinkSync(found, path.join(bin, tool));
  }
  return bin;
}

/** Waits for the background build: a blob with its size beside it, and no lock. */
async function snapshotIn(cache: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const names = readdirSync(cache);
    const blob = names.find((n) => n.endsWith('.blob'));
    if (blob && names.includes(`${blob}.size`) && !names.some((n) => n.endsWith('.lock'))) return path.join(cache, blob);
    if (Date.now() > deadline) throw new Error(`no snapshot in ${cache}: ${names.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(hasSh)('cache snapshots of the user\'s data', () => {
  it('compiles one in the background, then answers from it with the same results', async () => {
    const { data, cache, exec } = setup();
    const first = exec(['search', 'trafficking', '--json', '--verbose']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/compiling a start-up snapshot of these 50 items in the background/);
    // the launcher looked for a snapshot that was not there yet, without a word of its own
    expect(first.stderr.trim().split('\n').filter((l) => !l.startsWith('meso: '))).toEqual([]);
    const blob = await snapshotIn(cache);
    expect(readFileSync(`${blob}.size`, 'utf8').split('\n')[0]).toBe(String(statSync(blob).size));

    const second = exec(['search', 'trafficking', '--json', '--verbose']);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/preloaded in the start-up snapshot/);
    expect(second.stdout).toBe(first.stdout);
    // and the same as reading the pages with no cache at all
    expect(second.stdout).toBe(run(['search', 'trafficking', '--json', '--no-cache', '--data', data]).stdout);
  }, 90_000);

  it('is not used once a page changes: the new text is found, and a new snapshot is compiled', async () => {
    const { data, cache, exec } = setup();
    exec(['list', '--json']);
    await snapshotIn(cache);
    const page = readdirSync(data).find((n) => n.endsWith('.txt'))!;
    appendFileSync(path.join(data, page), '\n\n4 December, 2017\n\nQuetzalcoatl wombat story\n\nA summary about Honduras.\n');

    const after = exec(['search', 'wombat', '--json', '--verbose']);
    expect(after.status).toBe(0);
    expect(after.stderr).not.toMatch(/preloaded in the start-up snapshot/);
    expect(JSON.parse(after.stdout).map((i: { title: string }) => i.title)).toEqual(['Quetzalcoatl wombat story']);
    expect(after.stderr).toMatch(/compiling a start-up snapshot of these 51 items/);

    await snapshotIn(cache);
    const again = exec(['search', 'wombat', '--json', '--verbose']);
    expect(again.stderr).toMatch(/preloaded in the start-up snapshot/);
    expect(again.stdout).toBe(after.stdout);
  }, 120_000);

  it('skips a damaged (truncated) snapshot and answers as if there were none', async () => {
    const { cache, exec } = setup();
    const first = exec(['list', '--json']);
    const blob = await snapshotIn(cache);
    truncateSync(blob, Math.floor(statSync(blob).size / 2));
    const r = exec(['list', '--json', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr).not.toMatch(/preloaded in the start-up snapshot/);
  }, 90_000);

  it('compiles even when the JSON cache is missing or stale by then (regression: writing the cache installed signal handlers, which a snapshot cannot hold)', () => {
    const { data, cache } = setup();
    const blob = path.join(cache, 'manual.blob');
    const spec = { paths: [data], cacheDir: cache, root: ROOT };
    const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--snapshot-blob', blob, '--build-snapshot', path.join(ROOT, 'dist', 'snapshot.cjs')], {
      env: { ...process.env, MESO_SNAPSHOT_BUILD: JSON.stringify(spec) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(statSync(blob).size).toBeGreaterThan(1_000_000);
    expect(readdirSync(cache).filter((n) => n.endsWith('.cache'))).toHaveLength(1); // and wrote the cache it lacked
  }, 90_000);

  it('is never compiled with --no-cache, for standard input, or below the size threshold', () => {
    const { cache, exec } = setup();
    expect(exec(['list', '--json', '--no-cache', '--verbose']).stderr).not.toMatch(/compiling/);
    expect(exec(['list', '--json', '--verbose'], { MESO_SNAPSHOT_MIN_ITEMS: undefined }).stderr).not.toMatch(/compiling/);
    const page = readFileSync(path.join(ROOT, 'data', 'pages', readdirSync(path.join(ROOT, 'data', 'pages'))[0]!), 'utf8');
    const stdin = spawnSync(BIN, ['list', '--json', '--verbose', '--data', '-', '--cache-dir', cache], {
      cwd: ROOT,
      input: page,
      env: mesoEnv(makeTempDir('meso-e2e-cache-'), { MESO_SNAPSHOT_MIN_ITEMS: '1' }),
      encoding: 'utf8',
    });
    expect(stdin.status).toBe(0);
    expect(JSON.parse(stdin.stdout).length).toBeGreaterThan(0);
    expect(stdin.stderr).not.toMatch(/compiling/);
    expect(readdirSync(cache).filter((n) => n.includes('snapshot'))).toEqual([]);
  });

  it('is not tried again for the same pages after compiling it failed', async () => {
    const { cache, exec } = setup();
    // a wc, first on the PATH, that fails on the builder's temporary blob (and works for the launcher): the
    // builder cannot record the blob's size, so the build fails
    const fake = makeTempDir('meso-e2e-fakewc-');
    const wc = spawnSync('sh', ['-c', 'command -v wc'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(fake, 'wc'), `#!/bin/sh\ncase $(readlink /proc/self/fd/0) in *.tmp) exit 1 ;; esac\nexec ${wc} "$@"\n`, { mode: 0o755 });
    const bin = `${fake}:${process.env.PATH}`;
    const first = exec(['list', '--json', '--verbose'], { PATH: bin });
    expect(first.stderr).toMatch(/compiling a start-up snapshot/);
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(cache, readdirSync(cache).find((n) => n.endsWith('.failed')) ?? '-'))) {
      if (Date.now() > deadline) throw new Error(`no .failed in ${readdirSync(cache).join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const second = exec(['list', '--json', '--verbose'], { PATH: bin }); // the same node: the same snapshot name
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toMatch(/could not be compiled lately .* not trying again until they change/);
    expect(second.stderr).not.toMatch(/compiling a start-up snapshot/);
  }, 90_000);

  it('is skipped, without a word, where the launcher cannot name it (no cksum on the PATH)', () => {
    const { cache, exec } = setup();
    const r = exec(['list', '--json', '--verbose'], { PATH: pathWith(['sh']) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('meso: '))).toEqual([]);
    expect(r.stderr).not.toMatch(/compiling/);
    expect(readdirSync(cache).filter((n) => n.includes('snapshot'))).toEqual([]);
  });

  it('deletes a damaged snapshot of the right size that crashes node, so the next run heals', async () => {
    const { cache, exec } = setup();
    const first = exec(['list', '--json']);
    const blob = await snapshotIn(cache);
    const fd = openSync(blob, 'r+');
    writeSync(fd, Buffer.from('dead'), 0, 4, Math.floor(statSync(blob).size / 2));
    closeSync(fd);
    const damaged = exec(['list', '--json']);
    expect(damaged.status).not.toBe(0);
    expect(damaged.stdout).toBe('');
    // the crashed run left its marker: the next run deletes the snapshot and answers without it
    expect(readdirSync(cache).some((n) => n.includes('.run-'))).toBe(true);
    const healed = exec(['list', '--json', '--verbose']);
    expect(healed.status).toBe(0);
    expect(healed.stdout).toBe(first.stdout);
    expect(healed.stderr).not.toMatch(/preloaded in the start-up snapshot/);
    expect(readdirSync(cache).some((n) => n.includes('.run-'))).toBe(false);
  }, 90_000);

  it('leaves no marker after a good run, and takes a live run\'s marker for a run in progress', async () => {
    const { cache, exec } = setup();
    exec(['list', '--json']);
    const blob = await snapshotIn(cache);
    expect(exec(['list', '--json', '--verbose']).stderr).toMatch(/preloaded in the start-up snapshot/);
    expect(readdirSync(cache).filter((n) => n.includes('.run-'))).toEqual([]);
    writeFileSync(`${blob}.run-${process.pid}`, ''); // this test runner: alive
    expect(exec(['list', '--json', '--verbose']).stderr).toMatch(/preloaded in the start-up snapshot/);
    expect(existsSync(blob)).toBe(true);
  }, 90_000);

  it('keeps a good snapshot when a run was killed before meso started (its marker left behind)', async () => {
    const { cache, exec } = setup();
    const first = exec(['list', '--json']);
    const blob = await snapshotIn(cache);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${blob}.run-${gone.stdout}`, ''); // a pid that has exited
    const r = exec(['list', '--json', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr).toMatch(/preloaded in the start-up snapshot/);
    expect(readdirSync(cache).filter((n) => n.includes('.run-'))).toEqual([]);
  }, 90_000);

  it('is one snapshot for absolute data paths, whatever the working folder; a moved meso does not start it', async () => {
    const root = makeTempDir('meso-e2e-pkg-');
    for (const d of ['bin', 'dist', 'data']) cpSync(path.join(ROOT, d), path.join(root, 'pkg', d), { recursive: true });
    const { data, cache } = setup();
    const exec = (pkg: string, cwd: string) =>
      spawnSync(path.join(root, pkg, 'bin', 'meso.js'), ['list', '--json', '--verbose', '--data', data, '--cache-dir', cache], {
        cwd,
        env: mesoEnv(makeTempDir('meso-e2e-cache-'), { MESO_SNAPSHOT_MIN_ITEMS: '1' }),
        encoding: 'utf8',
      });
    exec('pkg', root);
    await snapshotIn(cache);
    expect(exec('pkg', makeTempDir('meso-e2e-cwd-')).stderr).toMatch(/preloaded in the start-up snapshot/);
    renameSync(path.join(root, 'pkg'), path.join(root, 'moved'));
    const moved = exec('moved', root);
    expect(moved.status).toBe(0);
    expect(moved.stderr).not.toMatch(/preloaded in the start-up snapshot/);
  }, 90_000);

  it('is never started by another build of meso', async () => {
    // a copy of the installed package: bin/, dist/ (self-contained bundles) and data/
    const root = makeTempDir('meso-e2e-pkg-');
    for (const d of ['bin', 'dist', 'data']) cpSync(path.join(ROOT, d), path.join(root, d), { recursive: true });
    const { data, cache } = setup();
    const exec = (args: string[]) =>
      spawnSync(path.join(root, 'bin', 'meso.js'), [...args, '--data', data, '--cache-dir', cache], {
        cwd: root,
        env: mesoEnv(makeTempDir('meso-e2e-cache-'), { MESO_SNAPSHOT_MIN_ITEMS: '1' }),
        encoding: 'utf8',
      });
    exec(['list', '--json']);
    await snapshotIn(cache);
    expect(exec(['list', '--json', '--verbose']).stderr).toMatch(/preloaded in the start-up snapshot/);
    // a rebuild gives dist/meso.blob.node a new build id (its fourth line)
    const stamp = path.join(root, 'dist', 'meso.blob.node');
    const lines = readFileSync(stamp, 'utf8').split('\n');
    lines[3] = 'another-build';
    writeFileSync(stamp, lines.join('\n'));
    const r = exec(['list', '--json', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/preloaded in the start-up snapshot/);
  }, 90_000);

  it('works with a relative --cache-dir, and not at all with MESO_NO_CACHE set, even empty', async () => {
    const { data } = setup();
    const cwd = makeTempDir('meso-e2e-cwd-');
    const exec = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(BIN, [...args, '--data', data, '--cache-dir', 'rel-cache'], {
        cwd,
        env: mesoEnv(makeTempDir('meso-e2e-cache-'), { MESO_SNAPSHOT_MIN_ITEMS: '1', ...extra }),
        encoding: 'utf8',
      });
    const off = exec(['list', '--json', '--verbose'], { MESO_NO_CACHE: '' });
    expect(off.status).toBe(0);
    expect(off.stderr).not.toMatch(/cache|snapshot/);
    exec(['list', '--json']);
    await snapshotIn(path.join(cwd, 'rel-cache'));
    expect(exec(['list', '--json', '--verbose']).stderr).toMatch(/preloaded in the start-up snapshot/);
    const offAgain = exec(['list', '--json', '--verbose'], { MESO_NO_CACHE: '' });
    expect(offAgain.stderr).not.toMatch(/preloaded/);
  }, 90_000);

  it('is not even compiled where the launcher could not start it (no wc on the PATH to check node)', () => {
    const { cache, exec } = setup();
    const r = exec(['list', '--json', '--verbose'], { PATH: pathWith(['sh', 'cksum', 'readlink']) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(50);
    expect(r.stderr).not.toMatch(/compiling/);
    expect(readdirSync(cache).filter((n) => n.includes('snapshot'))).toEqual([]);
  });

  it('is not used for other data, even with the same cache folder', async () => {
    const { cache, exec } = setup();
    exec(['list', '--json']);
    await snapshotIn(cache);
    const other = makeTempDir('meso-e2e-snapother-');
    cpSync(path.join(ROOT, 'tests', 'fixtures', 'pages'), other, { recursive: true });
    const r = spawnSync(BIN, ['list', '--json', '--verbose', '--data', other, '--cache-dir', cache], {
      cwd: ROOT,
      env: mesoEnv(makeTempDir('meso-e2e-cache-')),
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/preloaded in the start-up snapshot/);
    expect(r.stdout).toBe(run(['list', '--json', '--no-cache', '--data', other]).stdout);
  }, 90_000);
});
