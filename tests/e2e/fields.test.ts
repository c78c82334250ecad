import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createRunner } from '../helpers/runMeso.js';

const { run } = createRunner();
const ok = (args: string[]) => {
  const r = run(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('--fields on every machine-readable output', () => {
  it('selects and orders item fields in JSON Lines', () => {
    const lines = ok(['list', '--fields', 'date,id', '--jsonl']).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    for (const l of lines) expect(Object.keys(JSON.parse(l))).toEqual(['date', 'id']);
  });

  it('selects and orders item fields in CSV, header included', () => {
    const rows = parse(ok(['list', '--fields', 'title,topics', '--csv'])) as string[][];
    expect(rows[0]).toEqual(['title', 'topics']);
    expect(rows).toHaveLength(51);
  });

  it('offers the hit fields (score, matched, snippet) on search', () => {
    const hits = JSON.parse(ok(['search', 'trafficking', '--fields', 'score,id', '--json']));
    expect(Object.keys(hits[0])).toEqual(['score', 'id']);
    expect(run(['list', '--fields', 'score', '--json']).status).toBe(2);
  });

  it('selects the fields of export rows', () => {
    const lines = ok(['export', '--format', 'jsonl', '--fields', 'id,countries']).trimEnd().split('\n');
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['id', 'countries']);
  });

  it('selects the fields of timeline buckets in JSON, JSON Lines and CSV', () => {
    const t = JSON.parse(ok(['timeline', '--by', 'year', '--fields', 'period,count', '--json']));
    expect(t.buckets.map((b: object) => Object.keys(b))).toEqual([
      ['period', 'count'],
      ['period', 'count'],
    ]);
    const line = JSON.parse(ok(['timeline', '--by', 'year', '--fields', 'count,period', '--jsonl']).split('\n')[0]!);
    expect(Object.keys(line)).toEqual(['count', 'period']);
    const rows = parse(ok(['timeline', '--by', 'year', '--fields', 'period,total', '--csv'])) as string[][];
    expect(rows).toEqual([
      ['period', 'total'],
      ['2017', '10'],
      ['2018', '20'],
    ]);
  });

  it('selects the fields of country and topic counts', () => {
    const rows = JSON.parse(ok(['countries', '--fields', 'count,value', '--json']));
    expect(Object.keys(rows[0])).toEqual(['count', 'value']);
    const csv = parse(ok(['topics', '--fields', 'value,count', '--csv'])) as string[][];
    expect(csv[0]).toEqual(['value', 'count']);
    expect(csv.find((r) => r[0] === 'trafficking')).toBeDefined();
  });

  it('exits 2 for an unknown field and lists the valid ones, on every command', () => {
    for (const cmd of [
      ['list'],
      ['search', 'trafficking'],
      ['timeline'],
      ['countries'],
      ['export', '--format', 'jsonl'],
    ]) {
      const r = run([...cmd, '--fields', 'nope', ...(cmd[0] === 'export' ? [] : ['--json'])]);
      expect(r.status, cmd.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/unknown field "nope".*valid fields are/);
    }
  });

  // Regression: --fields id,id gave JSON one id and CSV and TSV two id columns
  it('exits 2 for a field named twice, on every command', () => {
    for (const cmd of [['list'], ['search', 'trafficking'], ['timeline'], ['countries'], ['export']]) {
      const r = run([
        ...cmd,
        '--fields',
        'id,title,id'.replace(/id/g, cmd[0] === 'countries' ? 'value' : cmd[0] === 'timeline' ? 'period' : 'id'),
      ]);
      expect(r.status, cmd.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--fields names "\w+" twice/);
    }
  });
});
