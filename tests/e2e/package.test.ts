import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/runMeso.js';

/** What `npm pack` would put in the package, as npm itself lists it. */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
}

describe('the published package', () => {
  const files = packedFiles();

  it('holds the entry, the bundle, the bundled pages and tables, and the docs a user reads', () => {
    for (const f of [
      'bin/meso.js',
      'bin/package.json',
      'dist/meso.cjs',
      'dist/run.cjs',
      'dist/help.cjs',
      'dist/help.json',
      'dist/tables.jsonl',
      'dist/expansions.txt',
      'data/countries.json',
      'data/topics.json',
      'data/thesaurus.json',
      'data/acronyms.json',
      'README.md',
      'package.json',
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => /^data\/pages\/.+\.txt$/.test(f)).length).toBeGreaterThanOrEqual(5);
  });

  it('holds no start-up snapshot, no code cache, no sources, no tests and no scripts', () => {
    expect(files.filter((f) => /\.blob|snapshot|launch\.sh|\.v8c$|^src\/|^tests\/|^scripts\/|\.map$/.test(f))).toEqual(
      [],
    );
  });

  it('names no path of the machine that built it', () => {
    const leaks = files
      .filter((f) => /\.(js|json|txt|1)$/.test(f))
      .filter((f) => readFileSync(path.join(ROOT, f), 'utf8').includes(ROOT));
    expect(leaks).toEqual([]);
  });

  it('starts bin/meso.js with a node shebang, so npm writes working shims on Windows too', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('runs bin/ and dist/ as CommonJS, whatever the package type (bin/package.json; dist/*.cjs)', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'bin', 'package.json'), 'utf8')).type).toBe('commonjs');
    expect(files.filter((f) => /^dist\/.*\.m?js$/.test(f))).toEqual([]);
  });

  it('keeps the regular expressions with Unicode property escapes as literals (compiled on first use, not built as each module loads)', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist', 'run.cjs'), 'utf8');
    expect(bundle).toMatch(/\/\^\\p\{Lu\}\{2,\}\$\/u/); // parseQuery's all-capitals word, as written
    expect(bundle.match(/new RegExp\([`"'][^`"']*\\\\p\{/g) ?? []).toEqual([]);
  });
});
