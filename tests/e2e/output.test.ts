import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createRunner, json, makeTempDir, writePages } from '../helpers/runMeso.js';

const { run } = createRunner();
const ok = (args: string[]) => {
  const r = run(args);
  expect(r.status, r.stderr).toBe(0);
  return r;
};
type Item = { id: string; title: string; summary: string; date: string | null; topics: string[] };

const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;

describe('CSV a script can read back', () => {
  const items = json<Item[]>(run(['list', '--json']));

  it('gives one row per item from export and list, with the exact summaries (item faa32d2 holds a line break)', () => {
    const faa = items.find((i) => i.id.startsWith('faa32d2'))!;
    expect(faa.summary).toMatch(/^- .*\n/s); // the item that broke the old CSV
    for (const args of [
      ['export', '--format', 'csv'],
      ['list', '--csv'],
      ['list', '--format', 'csv'],
    ]) {
      const rows = parse(ok(args).stdout, { columns: true }) as Array<Record<string, string>>;
      expect(rows, args.join(' ')).toHaveLength(50);
      expect(rows.map((r) => r.id)).toEqual(items.map((i) => i.id));
      expect(rows.map((r) => r.summary)).toEqual(items.map((i) => i.summary));
    }
  });

  it.skipIf(!hasSqlite)('loads into sqlite3 with .import, one row per item', () => {
    const dir = makeTempDir('meso-sqlite-');
    const csv = path.join(dir, 'items.csv');
    writeFileSync(csv, ok(['export', '--format', 'csv', '--fields', 'id,summary']).stdout);
    const db = path.join(dir, 'items.db');
    const out = execFileSync(
      'sqlite3',
      [
        db,
        '.mode csv',
        `.import ${csv} items`,
        "SELECT count(*) FROM items; SELECT summary FROM items WHERE id LIKE 'faa32d2%';",
      ],
      { encoding: 'utf8' },
    );
    const faa = items.find((i) => i.id.startsWith('faa32d2'))!;
    expect(parse(out, { relax_column_count: true })).toEqual([['50'], [faa.summary.replace(/\r?\n/g, '\n')]]);
  });

  it('keeps a formula-looking title exact, and guards it only with --csv-safe', () => {
    const dir = writePages({ 'p.txt': '3 March, 2019\n\n＝SUM(A1) and +1 about Belize\n\nA summary about Belize.\n' });
    const exact = parse(ok(['list', '--data', dir, '--csv']).stdout, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(exact[0]!.title).toBe('＝SUM(A1) and +1 about Belize');
    const safe = parse(ok(['list', '--data', dir, '--csv', '--csv-safe']).stdout, { columns: true });
    expect((safe as Array<Record<string, string>>)[0]!.title).toBe("'＝SUM(A1) and +1 about Belize");
    expect(run(['list', '--data', dir, '--json', '--csv-safe']).status).toBe(2);
  });
});

describe('limits', () => {
  it('says on stderr, in every format, how many items there are when --limit cuts them, and how to get all', () => {
    for (const format of [[], ['--json'], ['--jsonl'], ['--csv'], ['--format', 'tsv']]) {
      const r = ok(['list', '-n', '3', ...format]);
      expect(r.stderr, format.join(' ')).toBe('meso: 3 of 50 items shown; --limit all (or -n 0) prints them all\n');
    }
    expect(ok(['list', '-n', '50', '--json']).stderr).toBe('');
    expect(ok(['list', '-n', '3', '--json', '-q']).stderr).toBe('');
  });

  // Regression: countries and topics refused -n/--limit, which the README gives every command that prints rows
  it('keeps the most frequent countries and topics with --limit, and says so on stderr', () => {
    for (const facet of ['countries', 'topics']) {
      const all = json<Array<{ value: string; count: number }>>(ok([facet, '--json']));
      expect(all.length).toBeGreaterThan(3);
      const top = ok([facet, '-n', '3', '--json']);
      expect(json(top)).toEqual(all.slice(0, 3));
      expect(top.stderr).toBe(`meso: 3 of ${all.length} ${facet} shown; --limit all (or -n 0) prints them all\n`);
      expect(ok([facet, '--limit', 'all']).stdout.trimEnd().split('\n')).toHaveLength(all.length);
    }
  });

  it('prints everything with --limit 0 or --limit all', () => {
    expect(json<Item[]>(ok(['search', 'IOM', '--limit', '0', '--json']))).toHaveLength(
      json<Item[]>(ok(['search', 'IOM', '--limit', '1000', '--json'])).length,
    );
    expect(json<Item[]>(ok(['list', '--limit', 'all', '--json']))).toHaveLength(50);
  });

  it('prints [] for --json and nothing for --jsonl when nothing matches, with exit status 1', () => {
    const j = run(['search', 'qqqzzzx', '--json']);
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual([]);
    const l = run(['list', '--country', 'Japan', '--jsonl']);
    expect(l.status).toBe(1);
    expect(l.stdout).toBe('');
    const c = run(['list', '--country', 'Japan', '--csv']);
    expect(parse(c.stdout)).toEqual([
      [
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
      ],
    ]);
  });
});

describe('one set of output flags', () => {
  it('takes --format json|jsonl|csv|tsv on list, search and the facet commands, and refuses two formats', () => {
    for (const cmd of [['list'], ['search', 'trafficking'], ['countries'], ['topics']]) {
      expect(Array.isArray(JSON.parse(ok([...cmd, '--format', 'json']).stdout)), cmd[0]).toBe(true);
      const tsv = ok([...cmd, '--format', 'tsv'])
        .stdout.trimEnd()
        .split('\n');
      expect(tsv[0]!.split('\t')[0]).toBe(cmd[0] === 'countries' || cmd[0] === 'topics' ? 'value' : 'id');
    }
    const r = run(['list', '--json', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--json or --format csv');
    expect(ok(['list', '--csv', '--format', 'csv']).stdout.startsWith('id,')).toBe(true);
  });

  it('applies --fields to TSV and to the plain lines in a pipe', () => {
    const items = json<Item[]>(run(['list', '--json']));
    const tsv = ok(['list', '--format', 'tsv', '--fields', 'date,id']).stdout.trimEnd().split('\n');
    expect(tsv[0]).toBe('date\tid');
    expect(tsv.slice(1)).toEqual(items.map((i) => `${i.date ?? ''}\t${i.id}`));
    const lines = ok(['list', '--fields', 'id,topics']).stdout.trimEnd().split('\n');
    expect(lines).toEqual(items.map((i) => `${i.id}\t${i.topics.join('; ')}`));
  });

  it('keeps each TSV row on one line: tabs and line breaks in a cell are escaped', () => {
    const items = json<Item[]>(run(['list', '--json']));
    const rows = ok(['list', '--format', 'tsv', '--fields', 'id,summary']).stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(51);
    const faa = rows.find((r) => r.startsWith('faa32d2'))!;
    const summary = items.find((i) => i.id.startsWith('faa32d2'))!.summary;
    expect(faa.split('\t')[1]).toBe(summary.replace(/\\/g, '\\\\').replace(/\n/g, '\\n'));
  });

  it('gives show and parse the same flags: one object for show --json, item rows for parse', () => {
    const shown = JSON.parse(ok(['show', 'faa32d2', '--json', '--fields', 'id,title']).stdout);
    expect(Object.keys(shown)).toEqual(['id', 'title']);
    expect(ok(['show', 'faa32d2', '--format', 'tsv', '--fields', 'id,topics']).stdout).toBe(
      `id\ttopics\n${shown.id}\temergencies\n`,
    );
    const rows = parse(ok(['parse', 'data/pages', '--csv', '--fields', 'file,line,title']).stdout, {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(rows[0]!)).toEqual(['file', 'line', 'title']);
    expect(rows.every((r) => /\.txt$/.test(r.file!) && Number(r.line) > 0)).toBe(true);
  });

  it('takes --format tsv, and --fields without a format, on timeline', () => {
    expect(ok(['timeline', '--by', 'year', '--format', 'tsv', '--fields', 'period,count']).stdout).toBe(
      'period\tcount\n2017\t10\n2018\t20\n',
    );
    // --fields without a format: the plain lines of a pipe, not the chart
    expect(ok(['timeline', '--by', 'year', '--fields', 'count,period']).stdout).toBe('10\t2017\n20\t2018\n');
  });

  it('prints facet counts in a pipe as TSV with no total row, and the total as a field in JSON', () => {
    const json = JSON.parse(ok(['countries', '--json']).stdout) as Array<{
      value: string;
      count: number;
      total: number;
    }>;
    const lines = ok(['countries']).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.length);
    expect(lines.every((l) => l.split('\t').length === 4)).toBe(true);
    expect(lines.join('\n')).not.toContain('(items)');
    expect(new Set(json.map((r) => r.total))).toEqual(new Set([50]));
    const table = ok(['countries', '--format', 'table']).stdout;
    expect(table.trimEnd().split('\n').at(-1)).toMatch(/^\(items\)\s+50$/);
  });
});

describe('did-you-mean for a mistyped flag, on every command', () => {
  it.each([
    ['list', '--jsn', '--json'],
    ['search trafficking', '--jsn', '--json'],
    ['timeline', '--jsn', '--json'],
    ['countries', '--fileds', '--fields'],
    ['show faa32d2', '--jsn', '--json'],
    ['export', '--formt', '--format'],
    ['stats', '--jsn', '--json'],
  ])('suggests the flag on %s %s', (cmd, typo, flag) => {
    const r = run([...cmd.split(' '), typo, 'x']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(flag);
    expect(r.stderr.toLowerCase()).toContain('did you mean');
  });

  it('exits 2 for meso help with an unknown command, and suggests the near one', () => {
    const r = run(['help', 'serch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('search');
    expect(r.stderr.toLowerCase()).toContain('did you mean');
    expect(ok(['help', 'search']).stdout).toContain('Usage: meso search');
  });
});

describe('terminal views fit narrow terminals', () => {
  // Regression: at 20 columns a stacked item's first line was cut to its date, and lost the id `meso show` takes
  it.each([20, 30, 45])('keeps each stacked item’s date and id whole at %i columns', (columns) => {
    const items = json<Item[]>(ok(['list', '-n', '5', '--json', '-q']));
    const r = run(['list', '--format', 'table', '-n', '5', '-q'], { env: { COLUMNS: String(columns) } });
    for (const item of items)
      expect(r.stdout).toMatch(new RegExp(`^${item.date ?? '\\S+'}  ${item.id.slice(0, 7)}`, 'm'));
  });

  const widthOf = (line: string) => [...line].length; // the bundled pages hold no wide characters
  it.each([20, 40])('keeps every line within %i columns, on every command', (columns) => {
    for (const cmd of [
      ['list', '--format', 'table', '-n', '5'],
      ['search', 'trafficking', '--format', 'table', '-n', '5'],
      ['list', '--format', 'table', '-n', '5', '--fields', 'id,title,topics'],
      ['show', 'faa32d2'],
      ['timeline', '--format', 'table'],
      ['timeline', '--split', 'country', '--format', 'table'],
      ['countries', '--format', 'table'],
      ['topics', '--format', 'table'],
    ]) {
      const r = run([...cmd, '-q'], { env: { COLUMNS: String(columns) } });
      expect(r.status, r.stderr).toBe(0);
      const wide = r.stdout.split('\n').filter((l) => widthOf(l) > columns);
      expect(wide, `${cmd.join(' ')} at ${columns}`).toEqual([]);
    }
  });
});
