import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createRunner, json } from '../helpers/runMeso.js';

const { run } = createRunner();

const FIELDS = [
  'id',
  'title',
  'date',
  'dateSource',
  'inferredDate',
  'summary',
  'countries',
  'primaryCountry',
  'places',
  'topics',
  'sources',
  'body',
];
type Item = { id: string; title: string; date: string | null; countries: string[]; topics: string[]; summary: string };

describe('meso list', () => {
  it('prints all 50 items as a JSON array with --json and exits 0', () => {
    const r = run(['list', '--json']);
    expect(r.status).toBe(0);
    const items = json<Item[]>(r);
    expect(Array.isArray(items)).toBe(true);
    expect(items).toHaveLength(50);
  });

  it('gives every JSON item the documented fields in the documented key order', () => {
    const items = json<Record<string, unknown>[]>(run(['list', '--json']));
    for (const item of items) expect(Object.keys(item)).toEqual(FIELDS);
  });

  it('gives every item a 12-hex-digit id, unique across the corpus', () => {
    const items = json<Item[]>(run(['list', '--json']));
    for (const i of items) expect(i.id).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('orders dated items first, newest first, and undated items last', () => {
    const items = json<Item[]>(run(['list', '--json']));
    const dates = items.map((i) => i.date);
    const firstUndated = dates.indexOf(null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(dates.slice(firstUndated).every((d) => d === null)).toBe(true);
    const dated = dates.slice(0, firstUndated) as string[];
    for (const d of dated) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it('prints 50 lines of valid JSON with --jsonl, the same ids as --json', () => {
    const r = run(['list', '--jsonl']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    const ids = lines.map((l) => (JSON.parse(l) as Item).id);
    expect(ids).toEqual(json<Item[]>(run(['list', '--json'])).map((i) => i.id));
  });

  it('prints only the first 3 items with --limit 3', () => {
    const all = json<Item[]>(run(['list', '--json']));
    const r = run(['list', '--limit', '3', '--json']);
    expect(r.status).toBe(0);
    expect(json<Item[]>(r).map((i) => i.id)).toEqual(all.slice(0, 3).map((i) => i.id));
  });

  it('gives the same non-empty set for --country "Costa Rica", cr and "costa rica", all about Costa Rica', () => {
    const sets = ['Costa Rica', 'cr', 'costa rica'].map((c) => {
      const r = run(['list', '--country', c, '--json']);
      expect(r.status).toBe(0);
      return json<Item[]>(r);
    });
    expect(sets[0]!.length).toBeGreaterThan(0);
    expect(sets[0]!.length).toBeLessThan(50);
    for (const s of sets) expect(s.map((i) => i.id)).toEqual(sets[0]!.map((i) => i.id));
    for (const i of sets[0]!) expect(i.countries).toContain('Costa Rica');
  });

  it('finds smuggling items dated 2018 or later with --topic smuggling --since 2018', () => {
    const r = run(['list', '--topic', 'smuggling', '--since', '2018', '--json']);
    expect(r.status).toBe(0);
    const items = json<Item[]>(r);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.title.length).toBeGreaterThan(0);
      expect(i.topics).toContain('smuggling');
      expect(i.date).not.toBeNull();
      expect(i.date! >= '2018-01-01').toBe(true);
    }
  });

  it('keeps only July 2018 dates with --since 2018-07 --until 2018-07', () => {
    const r = run(['list', '--since', '2018-07', '--until', '2018-07', '--json']);
    expect(r.status).toBe(0);
    const items = json<Item[]>(r);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.date).toMatch(/^2018-07-\d\d$/);
  });

  it('exits 2 for an unknown country and suggests the near one', () => {
    const r = run(['list', '--country', 'Costa Rika']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean "Costa Rica"');
  });

  it('exits 2 for an impossible date in --since', () => {
    const r = run(['list', '--since', '2018-13']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2018-13/);
  });

  // Regression: --year 1899 suggested `--year 2018-06`, itself refused; --since "" was ignored (every item listed)
  it('says which years a date may name, and refuses an empty date, with a fix that works', () => {
    for (const args of [
      ['--year', '1899'],
      ['--since', '2101-01'],
      ['--until', '1850'],
    ]) {
      const r = run(['list', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('meso reads years from 1900 to 2100');
      const example = /e\.g\. (--\w+ \S+)$/m.exec(r.stderr)![1]!.split(' ');
      expect(run(['list', ...example, '--json']).status, example.join(' ')).not.toBe(2);
    }
    for (const flag of ['--since', '--until']) {
      const r = run(['list', flag, '']);
      expect(r.status, flag).toBe(2);
      expect(r.stderr).toContain(`${flag} "" is not a date`);
    }
  });

  it('exits 1 with empty stdout and a message on stderr when a valid filter matches nothing', () => {
    const r = run(['list', '--country', 'Japan']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  });

  it('prints objects with exactly the chosen keys, in order, with --fields id,title --json', () => {
    const r = run(['list', '--fields', 'title,id', '--json']);
    expect(r.status).toBe(0);
    const items = json<Record<string, unknown>[]>(r);
    expect(items).toHaveLength(50);
    for (const i of items) expect(Object.keys(i)).toEqual(['title', 'id']);
    const r2 = run(['list', '--fields', 'id,title', '--json']);
    for (const i of json<Record<string, unknown>[]>(r2)) expect(Object.keys(i)).toEqual(['id', 'title']);
  });

  it('exits 2 for an unknown field and lists the valid fields', () => {
    const r = run(['list', '--fields', 'id,bogus', '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bogus');
    for (const f of FIELDS) expect(r.stderr).toContain(f);
  });

  it('prints a CSV header row and 50 data rows with --csv', () => {
    const r = run(['list', '--csv']);
    expect(r.status).toBe(0);
    const rows = parse(r.stdout) as string[][];
    expect(rows).toHaveLength(51);
    expect(rows[0]).toEqual(FIELDS);
    const ids = json<Item[]>(run(['list', '--json'])).map((i) => i.id);
    expect(rows.slice(1).map((row) => row[0])).toEqual(ids);
  });

  it('prints tab-separated date, short id and title lines when stdout is a pipe and no format is chosen', () => {
    const r = run(['list']);
    expect(r.status).toBe(0);
    const items = json<Item[]>(run(['list', '--json']));
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    lines.forEach((line, n) => {
      const cols = line.split('\t');
      expect(cols).toHaveLength(3);
      expect(cols[0]).toBe(items[n]!.date ?? '');
      expect(cols[1]).toBe(items[n]!.id.slice(0, 7));
      expect(cols[2]).toBe(items[n]!.title);
    });
    expect(r.stdout).not.toMatch(/[+|]-{3}/); // not a table
  });
});
