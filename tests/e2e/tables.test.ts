import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, makeTempDir, mesoEnv, ROOT } from '../helpers/runMeso.js';

/** A copy of the installed package (bin, dist, data, package.json), to edit its data tables safely. */
function copyPackage(): string {
  const dir = makeTempDir('meso-pkg-');
  for (const f of ['bin', 'dist', 'data', 'package.json'])
    cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  return dir;
}

describe('the compiled gazetteer shipped in dist/tables.jsonl', () => {
  const { run } = createRunner();
  const page = 'A new alias\n\nOfficials from Zembla-Land met in the capital to discuss border management.\n';

  it('gives the same countries as tables compiled on the spot', () => {
    const pkg = copyPackage();
    const bin = path.join(pkg, 'bin', 'meso.js');
    const withShipped = run(['list', '--json', '--no-cache'], { bin });
    expect(withShipped.status).toBe(0);
    writeFileSync(path.join(pkg, 'dist', 'tables.jsonl'), 'damaged');
    const compiled = run(['list', '--json', '--no-cache'], { bin });
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(withShipped.stdout));
  });

  it('is compiled around when a line of a table is damaged but the file keeps its length', () => {
    // Regression: a table's lines are parsed only as a query asks for them, after the file was taken as good
    const pkg = copyPackage();
    const bin = path.join(pkg, 'bin', 'meso.js');
    const expected = [
      run(['search', 'trafficking', '--json'], { bin }),
      run(['list', '--json', '--no-cache'], { bin }),
    ];
    const file = path.join(pkg, 'dist', 'tables.jsonl');
    const text = readFileSync(file, 'latin1');
    const damaged = text.replace('\ntrafficking\t[{', '\ntrafficking\t[X');
    expect(damaged).not.toBe(text);
    writeFileSync(file, damaged, 'latin1');
    const got = [run(['search', 'trafficking', '--json'], { bin }), run(['list', '--json', '--no-cache'], { bin })];
    for (const [i, r] of got.entries()) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected[i]!.stdout);
    }
  });

  it('is not used once data/countries.json is edited: a new alias names its country', () => {
    const pkg = copyPackage();
    const file = path.join(pkg, 'data', 'countries.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { countries: Array<{ name: string; aliases: string[] }> };
    data.countries.find((c) => c.name === 'Belize')!.aliases.push('Zembla-Land');
    writeFileSync(file, JSON.stringify(data));
    const pages = makeTempDir();
    writeFileSync(path.join(pages, 'p.txt'), page);
    const r = run(['--data', pages, 'list', '--json', '--no-cache'], { bin: path.join(pkg, 'bin', 'meso.js') });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].countries).toContain('Belize');
  });

  it('is not used once data/countries.json is edited by the same size, with a warm cache', () => {
    const pkg = copyPackage();
    const bin = path.join(pkg, 'bin', 'meso.js');
    const cacheDir = makeTempDir('meso-cache-');
    const pages = makeTempDir();
    writeFileSync(
      path.join(pages, 'p.txt'),
      'A new name\n\nOfficials from Zembla met in the capital to discuss border management.\n',
    );
    const belize = () =>
      run(['--data', pages, '--cache-dir', cacheDir, 'list', '--country', 'Belize', '--json'], { bin });
    expect(belize().status).toBe(1);
    expect(belize().status).toBe(1); // from the cache
    const file = path.join(pkg, 'data', 'countries.json');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/("es": \[\s*)"Belice"/, '$1"Zembla"');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    const r = belize();
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('is not used once data/countries.json was edited while the run that wrote the cache read it (regression)', () => {
    // a run that reads the tables before it makes its cache key (a --country filter makes it read them first)
    // recorded the stamps of the edited file with the fingerprint of what it had read: every later run trusted
    // the old tables (and served items enriched with them). Each data file is now stamped before it is read.
    const pkg = copyPackage();
    const bin = path.join(pkg, 'bin', 'meso.js');
    const cacheDir = makeTempDir('meso-cache-');
    const hook = path.join(makeTempDir('meso-hook-'), 'edit.cjs');
    writeFileSync(
      hook,
      [
        "const fs = require('node:fs');",
        'const read = fs.readFileSync;',
        'let done = false;',
        'fs.readFileSync = function (file, ...rest) {',
        '  const value = read.call(this, file, ...rest);',
        "  if (!done && String(file).endsWith('countries.json')) {",
        '    done = true;',
        '    fs.writeFileSync(file, read.call(this, file, \'utf8\').replace(\'"name": "Mexico",\', \'"name": "Mexiko",\'));',
        '  }',
        '  return value;',
        '};',
      ].join('\n'),
    );
    const racing = spawnSync(
      process.execPath,
      ['-r', hook, bin, 'search', '--country', 'mx', 'trata', '--json', '--cache-dir', cacheDir],
      {
        env: mesoEnv(makeTempDir('meso-xdg-')),
        encoding: 'utf8',
      },
    );
    expect(racing.status, racing.stderr).toBe(0);
    expect(readFileSync(path.join(pkg, 'data', 'countries.json'), 'utf8')).toContain('"name": "Mexiko",');
    const names = (r: { stdout: string }) => (JSON.parse(r.stdout) as Array<{ value: string }>).map((c) => c.value);
    const fresh = names(run(['countries', '--json', '--no-cache'], { bin }));
    expect(fresh).toContain('Mexiko');
    expect(names(run(['countries', '--json', '--cache-dir', cacheDir], { bin }))).toEqual(fresh);
    expect(names(run(['countries', '--json', '--cache-dir', cacheDir], { bin }))).toEqual(fresh);
  });

  it('is not used once data/countries.json is edited, though a cached corpus holds its fingerprint', () => {
    // a cached corpus records the data files' fingerprints for runs whose key (the files' stamps among them)
    // matches: an edit changes the stamps, so the corpus is built again and the tables compiled from the edit
    const pkg = copyPackage();
    const bin = path.join(pkg, 'bin', 'meso.js');
    const cacheDir = makeTempDir('meso-cache-');
    const pages = makeTempDir();
    writeFileSync(path.join(pages, 'p.txt'), page);
    const list = () => run(['--data', pages, '--cache-dir', cacheDir, 'list', '--json'], { bin });
    const countries = () => JSON.parse(list().stdout)[0].countries as string[];
    expect(countries()).not.toContain('Belize');
    expect(countries()).not.toContain('Belize'); // from the cache
    const file = path.join(pkg, 'data', 'countries.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { countries: Array<{ name: string; aliases: string[] }> };
    data.countries.find((c) => c.name === 'Belize')!.aliases.push('Zembla-Land');
    writeFileSync(file, JSON.stringify(data));
    expect(countries()).toContain('Belize');
    const r = run(['--data', pages, '--cache-dir', cacheDir, 'list', '--country', 'Belize', '--json'], { bin });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('the filed expansions shipped in dist/expansions.txt', () => {
  const { run } = createRunner();
  const search = (pkg: string, ...query: string[]) =>
    run(['search', ...query, '--json', '--explain', '--limit', '0', '--no-cache'], {
      bin: path.join(pkg, 'bin', 'meso.js'),
    });

  it('rank as expansions made on the spot do', () => {
    const pkg = copyPackage();
    const queries = [['jobs', 'for', 'migrants'], ['deportees'], ['IOM'], ['trata', 'de', 'personas'], ['Caribbean']];
    const shipped = queries.map((q) => search(pkg, ...q).stdout);
    const trafficking = search(pkg, 'trafficking').stdout;
    const file = path.join(pkg, 'dist', 'expansions.txt');
    const built = readFileSync(file);
    // cut short before its group lines: read as it is, the groups its keys name could not be read; it must not be
    const nl = built.indexOf(10);
    const header = JSON.parse(built.toString('utf8', 0, nl)) as { keys: number };
    writeFileSync(file, built.subarray(0, nl + 1 + header.keys));
    expect(queries.map((q) => search(pkg, ...q).stdout)).toEqual(shipped);
    // a group's line damaged, the file's length kept: that group is made on the spot, the others read
    const damaged = Buffer.from(built);
    const group = damaged.indexOf('"trafficking"', nl + 1 + header.keys);
    expect(group).toBeGreaterThan(0);
    damaged[group + 1] = 'X'.charCodeAt(0);
    writeFileSync(file, damaged);
    expect(queries.map((q) => search(pkg, ...q).stdout)).toEqual(shipped);
    expect(search(pkg, 'trafficking').stdout).toBe(trafficking);
    // a key line damaged: the keys are not used
    const keyDamaged = Buffer.from(built);
    keyDamaged[nl + 10] = keyDamaged[nl + 10] === 0x61 ? 0x62 : 0x61;
    writeFileSync(file, keyDamaged);
    expect(queries.map((q) => search(pkg, ...q).stdout)).toEqual(shipped);
    writeFileSync(file, 'damaged');
    const made = queries.map((q) => search(pkg, ...q).stdout);
    expect(made).toEqual(shipped);
    expect(shipped.every((s) => JSON.parse(s).length > 0)).toBe(true);
  });

  it('are not used once data/thesaurus.json is edited: a new synonym group expands', () => {
    const pkg = copyPackage();
    const before = search(pkg, 'zemblanity');
    expect(before.status).toBe(1);
    const file = path.join(pkg, 'data', 'thesaurus.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { groups: string[][] };
    data.groups.push(['zemblanity', 'trafficking']);
    writeFileSync(file, JSON.stringify(data));
    const after = search(pkg, 'zemblanity');
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout)[0].matched).toEqual(
      expect.arrayContaining([expect.objectContaining({ how: 'synonym' })]),
    );
  });

  it('are not used once data/thesaurus.json is edited, though a cached corpus holds its fingerprint', () => {
    const pkg = copyPackage();
    const cacheDir = makeTempDir('meso-cache-');
    const cached = (q: string) =>
      run(['--cache-dir', cacheDir, 'search', q, '--json'], { bin: path.join(pkg, 'bin', 'meso.js') });
    expect(cached('zemblanity').status).toBe(1);
    expect(cached('zemblanity').status).toBe(1); // from the cache
    const file = path.join(pkg, 'data', 'thesaurus.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { groups: string[][] };
    data.groups.push(['zemblanity', 'trafficking']);
    writeFileSync(file, JSON.stringify(data));
    const after = cached('zemblanity');
    expect(after.status, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)[0].matched).toEqual(
      expect.arrayContaining([expect.objectContaining({ how: 'synonym' })]),
    );
  });
});
