import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, makeTempDir, ROOT } from '../helpers/runMeso.js';

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
    const file = path.join(pkg, 'dist', 'expansions.txt');
    const built = readFileSync(file);
    // cut short before its group lines: read as it is, the groups its keys name could not be read; it must not be
    const nl = built.indexOf(10);
    const header = JSON.parse(built.toString('utf8', 0, nl)) as { keys: number };
    writeFileSync(file, built.subarray(0, nl + 1 + header.keys));
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
});
