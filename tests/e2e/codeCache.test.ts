import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../helpers/runMeso.js';

const codeCaches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8c'));

describe('the code cache of dist/run.cjs', () => {
  it('is written by the first run that reads the corpus cache (not the one that built it), then used, same output', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    const building = run(['search', 'trafficking', '--json']);
    expect(building.status, building.stderr).toBe(0);
    // the run that built the corpus cache compiled the parser, which the next runs never call: nothing kept
    expect(codeCaches(folder)).toEqual([]);
    const first = run(['search', 'trafficking', '--json']);
    expect(first.stdout).toBe(building.stdout);
    const [file] = codeCaches(folder);
    expect(file).toMatch(new RegExp(`^run-[0-9a-f]{16}-${process.version}-${process.arch}-search\\.v8c$`));
    const written = readFileSync(path.join(folder, file!));
    const second = run(['search', 'trafficking', '--json']);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(path.join(folder, file!)).equals(written)).toBe(true); // read, not written again
    expect(codeCaches(folder)).toEqual([file]);
  });

  it('is kept per command, and not written by a run that fails', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    const kept = () =>
      codeCaches(folder)
        .map((f) => f.replace(/^run-[0-9a-f]{16}-[^-]+-[^-]+-/, ''))
        .sort();
    expect(run(['list', '--json']).status).toBe(0); // builds the corpus cache
    expect(run(['search', 'zzzqqq', '--json']).status).toBe(1); // nothing found
    expect(run(['search', 'x', '--limit', 'nine']).status).toBe(2); // a bad flag value
    expect(kept()).toEqual([]);
    expect(run(['--quiet', 'stats', '--json']).status).toBe(0); // flags before the command
    expect(run(['list', '--json']).status).toBe(0);
    expect(run(['search', 'trafficking', '--json']).status).toBe(0);
    // a run that builds its corpus every time keeps the parser's code apart
    expect(run(['search', 'trafficking', '--json', '--no-cache']).status).toBe(0);
    expect(kept()).toEqual(['list.v8c', 'search-built.v8c', 'search.v8c', 'stats.v8c']);
  });

  it('when damaged, is ignored (same output) and written anew', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    run(['list', '--json']); // builds the corpus cache
    const expected = run(['list', '--json']).stdout; // and this one writes the code cache it keeps
    const file = path.join(folder, codeCaches(folder)[0]!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    for (let i = good.indexOf(10) + 1; i < good.length; i += 97) damaged[i]! ^= 0xff;
    writeFileSync(file, damaged);
    const r = run(['list', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(readFileSync(file).equals(damaged)).toBe(false);
  });

  it('goes to MESO_CACHE_DIR when set, and is neither read nor written with MESO_NO_CACHE', () => {
    const { run, cacheHome } = createRunner();
    const elsewhere = path.join(cacheHome, 'elsewhere');
    for (let i = 0; i < 2; i++) expect(run(['list', '--json'], { env: { MESO_CACHE_DIR: elsewhere } }).status).toBe(0);
    expect(codeCaches(elsewhere)).toHaveLength(1);
    const none = path.join(cacheHome, 'none');
    expect(run(['list', '--json', '--cache-dir', none], { env: { MESO_NO_CACHE: '1' } }).status).toBe(0);
    expect(readdirSync(cacheHome)).not.toContain('meso');
    expect(() => readdirSync(none)).toThrow();
  });

  it('checks its caches without a deprecation warning, under --pending-deprecation too (the zlib binding is not used then)', () => {
    const { run } = createRunner();
    const plain = run(['search', 'trafficking', '--json']);
    for (const NODE_OPTIONS of ['--pending-deprecation', '--throw-deprecation --pending-deprecation']) {
      for (let i = 0; i < 2; i++) {
        const r = run(['search', 'trafficking', '--json'], { env: { NODE_OPTIONS } });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(plain.stdout);
      }
    }
  });
});
