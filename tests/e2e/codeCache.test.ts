import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../helpers/runMeso.js';

const codeCaches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8c'));

describe('the code cache of dist/run.cjs', () => {
  it('is written by the first run that reads the corpus cache and used by the next, with the same output', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    const building = run(['search', 'trafficking', '--json']);
    expect(building.status, building.stderr).toBe(0);
    // the run that built the corpus cache compiled the parser, which the next runs never call: not kept
    expect(readdirSync(folder).some((f) => f.endsWith('.cache'))).toBe(true);
    expect(codeCaches(folder)).toEqual([]);
    const first = run(['search', 'trafficking', '--json']);
    expect(first.stdout).toBe(building.stdout);
    const [file] = codeCaches(folder);
    expect(file).toMatch(new RegExp(`^run-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8c$`));
    const written = readFileSync(path.join(folder, file!));
    const second = run(['search', 'trafficking', '--json']);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(path.join(folder, file!)).equals(written)).toBe(true); // read, not written again
  });

  it('is written by a run that builds its corpus without writing a cache (--no-cache)', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    expect(run(['list', '--json', '--no-cache']).status).toBe(0);
    expect(readdirSync(folder).filter((f) => f.endsWith('.cache'))).toEqual([]);
    expect(codeCaches(folder)).toHaveLength(1);
  });

  it('when damaged, is ignored (same output) and written anew', () => {
    const { run, cacheHome } = createRunner();
    const folder = path.join(cacheHome, 'meso');
    run(['list', '--json']); // builds the corpus cache
    const expected = run(['list', '--json']).stdout;
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
});
