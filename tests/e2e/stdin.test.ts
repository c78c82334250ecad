import { describe, expect, it } from 'vitest';
import { createRunner } from '../helpers/runMeso.js';

const { run } = createRunner();

describe('pages from standard input', () => {
  it('exits 2 and says so when standard input is empty (regression: it said "no items" and exited 1)', () => {
    const r = run(['list', '--data', '-'], { input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no readable pages in -/);
  });

  it('searches a page piped in, with sources named "-"', () => {
    const page = '4 December, 2017\n\nSmuggling routes mapped\n\nA study of smuggling routes.\n';
    const r = run(['search', 'smuggling', '--json', '--data', '-'], { input: page });
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits.map((h: { title: string }) => h.title)).toEqual(['Smuggling routes mapped']);
    expect(hits[0].sources).toEqual([{ file: '-', line: 3 }]);
  });
});
