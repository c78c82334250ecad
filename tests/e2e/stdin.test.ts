import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createRunner, makeTempDir, mesoEnv, ROOT } from '../helpers/runMeso.js';

const { run } = createRunner();

describe('pages from standard input', () => {
  it('exits 2 and says so when standard input is empty (regression: it said "no items" and exited 1)', () => {
    const r = run(['list', '--data', '-'], { input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no readable pages in -/);
  });

  it('searches a page piped in, with sources named "-"', () => {
    const page = '4 December, 2017\n\nSmuggling routes mapped\n\nA study of smuggling routes.\n';
    const r = run(['search', 'smuggling', '--json', '--data', '-'], { input: page });
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits.map((h: { title: string }) => h.title)).toEqual(['Smuggling routes mapped']);
    expect(hits[0].sources).toEqual([{ file: '-', line: 3 }]);
  });
});

// Regression: `--data - --data DIR` said "data path - does not exist", and `--data <(…)` or `--data /dev/stdin`
// (a FIFO) was skipped as "not a regular file"
describe.skipIf(process.platform === 'win32')('pages from streams beside files', () => {
  const { run: runS, cacheHome } = createRunner();
  const page = '4 December, 2017\n\nSmuggling routes mapped\n\nA study of smuggling routes.\n';
  const titles = (stdout: string) => (JSON.parse(stdout) as Array<{ title: string }>).map((h) => h.title);

  it('reads standard input beside a folder, and caches nothing', () => {
    const alone = runS(['list', '--json']);
    const r = runS(['list', '--json', '--data', '-', '--data', 'data/pages', '-n', '0'], { input: page });
    expect(r.status, r.stderr).toBe(0);
    expect(titles(r.stdout)).toEqual(expect.arrayContaining(['Smuggling routes mapped', ...titles(alone.stdout)]));
    expect(titles(r.stdout)).toHaveLength(titles(alone.stdout).length + 1);
    const cached = readdirSync(path.join(cacheHome, 'meso')).filter((f) => f.endsWith('.cache'));
    expect(cached).toHaveLength(1); // the bundled pages' alone, from the first run
  });

  // Regression (review): the same FIFO given twice waited for ever for a second writer; a FIFO named .txt in a
  // folder was skipped without a word
  it('reads a FIFO given twice once, with a warning, and warns about a FIFO inside a folder', () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'folder', 'a.txt'), page);
    for (const f of ['f', 'folder/p.txt']) expect(spawnSync('mkfifo', [path.join(dir, f)]).status).toBe(0);
    const twice = spawnSync(
      'bash',
      ['-c', `(cat folder/a.txt > f &); '${process.execPath}' '${BIN}' list --json --data f --data f`],
      { cwd: dir, env: mesoEnv(cacheHome), encoding: 'utf8', timeout: 20_000 },
    );
    expect(twice.error).toBeUndefined();
    expect(twice.status, twice.stderr).toBe(0);
    expect(titles(twice.stdout)).toEqual(['Smuggling routes mapped']);
    expect(twice.stderr).toContain('f: given twice as --data, read once');
    const inFolder = runS(['list', '--json', '--data', path.join(dir, 'folder')]);
    expect(inFolder.status, inFolder.stderr).toBe(0);
    expect(inFolder.stderr).toContain('p.txt: not a regular file (a FIFO, device or socket), skipped');
  });

  it('reads a FIFO given as --data (process substitution, /dev/stdin) as one page named as given', () => {
    const bash = (line: string) =>
      spawnSync('bash', ['-c', line], { cwd: ROOT, env: mesoEnv(cacheHome), encoding: 'utf8', input: page });
    const q = (s: string) => `'${s}'`;
    const meso = `${q(process.execPath)} ${q(BIN)}`;
    const sub = bash(`${meso} list --json --data <(cat)`);
    expect(sub.status, sub.stderr).toBe(0);
    expect(titles(sub.stdout)).toEqual(['Smuggling routes mapped']);
    const dev = bash(`cat | ${meso} search smuggling --json --data /dev/stdin`);
    expect(dev.status, dev.stderr).toBe(0);
    expect(JSON.parse(dev.stdout)[0].sources).toEqual([{ file: '/dev/stdin', line: 3 }]);
  });
});
