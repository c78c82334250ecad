import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRunner, json, makeTempDir, writePages } from '../helpers/runMeso.js';

const { run } = createRunner();

type Item = { id: string; title: string; date: string | null };

describe('meso export', () => {
  it('writes a _bulk body of 100 JSON lines: an index action then its document, per item', () => {
    const r = run(['export', '--format', 'bulk']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(100);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    const ids: string[] = [];
    for (let n = 0; n < parsed.length; n += 2) {
      const action = parsed[n]!;
      const doc = parsed[n + 1]!;
      expect(Object.keys(action)).toEqual(['index']);
      expect(action).toEqual({ index: { _index: 'meso', _id: action.index._id } });
      expect(typeof action.index._id).toBe('string');
      expect(doc.index).toBeUndefined();
      expect(doc.id).toBe(action.index._id);
      expect(typeof doc.title).toBe('string');
      ids.push(action.index._id);
    }
    expect(new Set(ids).size).toBe(50);
    expect(ids).toEqual(json<Item[]>(run(['list', '--json'])).map((i) => i.id));
  });

  it('uses the index name given with --index in the action lines', () => {
    const r = run(['export', '--format', 'bulk', '--index', 'news']);
    expect(r.status).toBe(0);
    const first = JSON.parse(r.stdout.split('\n')[0]!);
    expect(first.index._index).toBe('news');
  });

  it('writes CSV whose 50 rows have the same id, title and date as list --json', () => {
    const r = run(['export', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const items = json<Item[]>(run(['list', '--json']));
    expect(rows).toHaveLength(50);
    expect(rows.map((row) => [row.id, row.title, row.date])).toEqual(items.map((i) => [i.id, i.title, i.date ?? '']));
  });

  it('starts CSV with U+FEFF for --bom, and not without it', () => {
    const withBom = run(['export', '--format', 'csv', '--bom']);
    expect(withBom.status).toBe(0);
    expect(withBom.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.stdout.slice(1).startsWith('id,title,')).toBe(true);
    const without = run(['export', '--format', 'csv']);
    expect(without.stdout.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes the file named by --out and nothing to stdout', () => {
    const file = path.join(makeTempDir(), 'items.csv');
    const r = run(['export', '--format', 'csv', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(file)).toBe(true);
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(run(['export', '--format', 'csv']).stdout);
    expect(parse(written, { columns: true })).toHaveLength(50);
  });

  it('prints the index mapping as JSON with an english analyzer on title for --format mapping', () => {
    const r = run(['export', '--format', 'mapping']);
    expect(r.status).toBe(0);
    const m = json<any>(r);
    expect(m.mappings.properties.title.analyzer).toBe('english');
    expect(m.mappings.properties.id.type).toBe('keyword');
  });

  // Regression: the mapping left out `body` (with dynamic: false, an article's text was stored but not searchable)
  it('maps every field of an exported item, text fields with the english analyzer', () => {
    const mapping = json<any>(run(['export', '--format', 'mapping'])).mappings;
    expect(mapping.dynamic).toBe(false);
    const article = [
      'Belize hosts a regional workshop on labour migration',
      'Belize, Guatemala',
      '5 December, 2018',
      'Belmopan, Belize. Officials of the region met to discuss fair recruitment of migrant workers.',
      'The second day turned to seasonal agriculture, where sugarcane cutters cross the border each harvest.',
    ];
    const dir = writePages({ 'article.txt': `${article.join('\n\n')}\n` });
    const items = [run(['export', '--format', 'jsonl']), run(['export', '--format', 'jsonl', '--data', dir])]
      .flatMap((r) => r.stdout.trim().split('\n'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const fields = new Set(items.flatMap((item) => Object.keys(item)));
    expect(items.some((item) => typeof item.body === 'string')).toBe(true);
    for (const field of fields) expect(mapping.properties, field).toHaveProperty(field);
    for (const field of ['title', 'summary', 'body']) expect(mapping.properties[field].analyzer).toBe('english');
  });

  // Regression: with nothing found, export --format csv printed nothing, where list --csv prints the header row
  it('prints the CSV header row when nothing matches, exits 1, and writes no file for nothing', () => {
    const r = run(['export', '--format', 'csv', '--country', 'Haiti']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(run(['list', '--csv', '--country', 'Haiti']).stdout);
    expect(r.stdout.split('\r\n')[0]).toMatch(/^id,title,/);
    expect(run(['export', '--format', 'jsonl', '--country', 'Haiti']).stdout).toBe('');
    const file = path.join(makeTempDir(), 'none.csv');
    expect(run(['export', '--format', 'csv', '--country', 'Haiti', '--out', file]).status).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 for an unknown --format', () => {
    const r = run(['export', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('prefixes a CSV cell starting with "=" with a single quote with --csv-safe, and keeps it exact without', () => {
    const title = '=HYPERLINK("http://evil.example","click") about Belize';
    const dir = writePages({ 'p.txt': `3 March, 2019\n\n${title}\n\nA summary about Belize.\n` });
    const r = run(['export', '--format', 'csv', '--csv-safe', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title).toBe(`'${title}`);
    const exact = parse(run(['export', '--format', 'csv', '--data', dir]).stdout, { columns: true });
    expect((exact as Array<Record<string, string>>)[0]!.title).toBe(title);
    expect(rows[0]!.summary).toBe('A summary about Belize.');
    // JSON keeps the title as written
    expect(json<Item[]>(run(['list', '--data', dir, '--json']))[0]!.title).toBe(title);
  });
});

describe('writing to a file the user named', () => {
  it('exits 2 with the reason and the fix when the folder does not exist, and leaves nothing behind', () => {
    const dir = makeTempDir();
    const out = path.join(dir, 'missing', 'items.jsonl');
    const r = run(['export', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write ".*items\.jsonl": its folder does not exist \(create ".*missing" first\)/);
    expect(r.stderr).not.toMatch(/internal error|\.tmp/);
    const svg = run(['timeline', '--svg', path.join(dir, 'missing', 'chart.svg')]);
    expect(svg.status).toBe(2);
    expect(svg.stderr).toMatch(/cannot write ".*chart\.svg": its folder does not exist/);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('exits 2 when the path is a folder', () => {
    const r = run(['export', '--out', makeTempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/it is a folder/);
  });
});

describe('meso export and the format flags of other commands', () => {
  it('points --csv, --json and --jsonl to --format, exit 2', () => {
    for (const [flag, format] of [
      ['--csv', 'csv'],
      ['--json', 'jsonl'],
      ['--jsonl', 'jsonl'],
    ]) {
      const r = run(['export', flag!]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`use --format ${format}`);
    }
  });
});
