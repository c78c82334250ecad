import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { wrap } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache, wrapModule } from '../../src/io/codeCache.js';
import { makeTempDir } from '../helpers/runMeso.js';

/** A CommonJS module with some functions to compile, and its exports. */
const SOURCE = `const path = require('node:path');
function add(a, b) { return a + b; }
function label(n) { return 'n=' + add(n, 1); }
exports.label = label;
exports.file = path.basename(__filename);
exports.self = module.exports === exports;`;

function setUp(source = SOURCE) {
  const dir = makeTempDir('meso-code-cache-');
  const file = path.join(dir, 'mod.cjs');
  writeFileSync(file, source);
  return { dir, file, cache: { file: path.join(dir, 'cache', 'run-abc-test.v8c'), key: 'abc test' } };
}

type Mod = { label: (n: number) => string; file: string; self: boolean };

describe('requireWithCodeCache', () => {
  it('runs a CommonJS file as require does, writes its compiled code once, then starts from it', () => {
    const { file, cache } = setUp();
    const first = requireWithCodeCache<Mod>(file, cache);
    expect([first.exports.label(1), first.exports.file, first.exports.self]).toEqual(['n=2', 'mod.cjs', true]);
    expect(first.cached).toBe(false);
    first.save();
    const written = readFileSync(cache.file);
    expect(written.length).toBeGreaterThan(100);

    const second = requireWithCodeCache<Mod>(file, cache);
    expect(second.cached).toBe(true);
    expect(second.exports.label(41)).toBe('n=42');
    second.save(); // a cache that was used is not written again
    expect(readFileSync(cache.file).equals(written)).toBe(true);
    expect(readdirSync(path.dirname(cache.file))).toEqual([path.basename(cache.file)]); // no temporary file left
  });

  it('runs a file written already wrapped (as the build writes dist/run.cjs) as the plain one, with its cache', () => {
    const { file, cache } = setUp(wrap(SOURCE));
    const first = requireWithCodeCache<Mod>(file, cache);
    expect([first.exports.label(1), first.exports.file, first.exports.self]).toEqual(['n=2', 'mod.cjs', true]);
    first.save();
    const second = requireWithCodeCache<Mod>(file, cache);
    expect(second.cached).toBe(true);
    expect(second.exports.label(41)).toBe('n=42');
  });

  it("wraps code as Node's module.wrap does (the build wraps dist/run.cjs with it, and the entry looks for it)", () => {
    expect(wrapModule('exports.a = 1;')).toBe(wrap('exports.a = 1;'));
  });

  it("gives the module the require it is handed, else one of the module's own", () => {
    const { file, cache } = setUp("exports.found = require('./missing-here');");
    const calls: string[] = [];
    const load = Object.assign((id: string) => calls.push(id) && 'handed', {}) as unknown as NodeJS.Require;
    expect(requireWithCodeCache<{ found: string }>(file, cache, load).exports.found).toBe('handed');
    expect(calls).toEqual(['./missing-here']);
    expect(() => requireWithCodeCache(file, cache)).toThrow(/missing-here/);
  });

  it.each([
    ['a flipped byte in the code', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 50 ? x ^ 0x55 : x)))],
    ['a cut file', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['no header', (b: Buffer) => b.subarray(b.indexOf(10) + 1)],
    ['garbage', () => Buffer.from('not a cache\n')],
  ])('ignores a damaged cache (%s), runs the file all the same and writes a good one', (_name, damage) => {
    const { file, cache } = setUp();
    requireWithCodeCache<Mod>(file, cache).save();
    const good = readFileSync(cache.file);
    writeFileSync(cache.file, damage(good));
    const run = requireWithCodeCache<Mod>(file, cache);
    expect(run.cached).toBe(false);
    expect(run.exports.label(2)).toBe('n=3');
    run.save();
    expect(requireWithCodeCache<Mod>(file, cache).cached).toBe(true);
  });

  it('ignores the cache of another build (another key), even for a file of the same length', () => {
    const { file, cache } = setUp();
    requireWithCodeCache<Mod>(file, cache).save();
    writeFileSync(file, SOURCE.replace("'n='", "'m='")); // same length: V8 alone would take the old code
    const other = { ...cache, key: 'def test' };
    const run = requireWithCodeCache<Mod>(file, other);
    expect(run.cached).toBe(false);
    expect(run.exports.label(1)).toBe('m=2');
  });

  it("removes the cache files of other builds untouched for a week when it writes, and keeps recent ones and its own build's", () => {
    const { file, cache } = setUp();
    const folder = path.dirname(cache.file);
    const save = (name: string, key: string) =>
      requireWithCodeCache<Mod>(file, { file: path.join(folder, name), key }).save();
    save('run-old-test.v8c', 'old');
    save('run-recent-test.v8c', 'recent');
    save('run-abc-list.v8c', 'abc test'); // the same build's cache of another command
    writeFileSync(path.join(folder, 'corpus-1234.cache'), 'not ours');
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const f of ['run-old-test.v8c', 'run-abc-list.v8c', 'corpus-1234.cache'])
      utimesSync(path.join(folder, f), weekAgo, weekAgo);
    requireWithCodeCache<Mod>(file, cache).save();
    expect(readdirSync(folder).sort()).toEqual([
      'corpus-1234.cache',
      'run-abc-list.v8c',
      'run-abc-test.v8c',
      'run-recent-test.v8c',
    ]);
  });

  it("with a family, keeps only that family's caches: the same build on another Node and a killed write's file go after a week", () => {
    const { file } = setUp();
    const folder = makeTempDir('meso-code-family-');
    const at = (name: string) => path.join(folder, name);
    const family = 'run-abc-v20-x64-';
    const save = (name: string) => requireWithCodeCache<Mod>(file, { file: at(name), key: 'abc', family }).save();
    save('run-abc-v20-x64-list.v8c');
    save('run-abc-v18-x64-list.v8c'); // the same build, another Node
    writeFileSync(at('run-abc-v20-x64-search.v8c.4242.tmp'), 'a write that was killed');
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const f of readdirSync(folder)) utimesSync(at(f), weekAgo, weekAgo);
    save('run-abc-v20-x64-search.v8c');
    expect(readdirSync(folder).sort()).toEqual(['run-abc-v20-x64-list.v8c', 'run-abc-v20-x64-search.v8c']);
  });

  it('goes on without a cache it cannot write', () => {
    const { dir, file } = setUp();
    writeFileSync(path.join(dir, 'blocker'), 'a file where the cache folder would be');
    const run = requireWithCodeCache<Mod>(file, { file: path.join(dir, 'blocker', 'run.v8c'), key: 'k' });
    expect(() => run.save()).not.toThrow();
    expect(run.exports.label(0)).toBe('n=1');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'mod.cjs']);
  });
});
