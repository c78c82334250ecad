import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRunner, json, makeTempDir } from '../helpers/runMeso.js';

const { run } = createRunner();

type Item = { id: string; date: string | null; countries: string[]; primaryCountry: string | null; topics: string[] };
type Bucket = {
  period: string;
  start: string;
  end: string;
  count: number;
  total: number;
  share: number;
  ids: string[];
};
type TimelineJson = {
  by: string;
  buckets: Bucket[];
  series?: { value: string; buckets: Bucket[] }[];
  undated: { count: number; ids: string[] };
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

describe('meso timeline', () => {
  const all = json<Item[]>(run(['list', '--json']));
  const dated = all.filter((i) => i.date !== null);
  const undated = all.filter((i) => i.date === null);

  it('--by month --json: gap-free consecutive months counting every dated item once', () => {
    const r = run(['timeline', '--by', 'month', '--json']);
    expect(r.status).toBe(0);
    const t = json<TimelineJson>(r);
    expect(t.by).toBe('month');
    const periods = t.buckets.map((b) => b.period);
    for (let i = 1; i < periods.length; i++) expect(periods[i]).toBe(nextMonth(periods[i - 1]!));
    const months = dated.map((i) => i.date!.slice(0, 7)).sort();
    expect(periods[0]).toBe(months[0]);
    expect(periods[periods.length - 1]).toBe(months[months.length - 1]);
    for (const b of t.buckets) {
      expect(b.start).toBe(`${b.period}-01`);
      expect(b.end.slice(0, 7)).toBe(b.period);
      expect(b.count).toBe(dated.filter((i) => i.date!.startsWith(b.period)).length);
      expect(b.total).toBe(b.count); // no filter: every item dated in the period matches
    }
    expect(sum(t.buckets.map((b) => b.count))).toBe(dated.length);
    expect(new Set(t.buckets.flatMap((b) => b.ids))).toEqual(new Set(dated.map((i) => i.id)));
    expect(t.buckets.some((b) => b.count === 0)).toBe(true); // the corpus has empty months between its dates
    expect(t.undated.count).toBe(undated.length);
    expect(new Set(t.undated.ids)).toEqual(new Set(undated.map((i) => i.id)));
  });

  it('--country "Costa Rica" --json: counts plus undated equal list --country', () => {
    const listed = json<Item[]>(run(['list', '--country', 'Costa Rica', '--json']));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(all.length);
    const t = json<TimelineJson>(run(['timeline', '--country', 'Costa Rica', '--json']));
    expect(sum(t.buckets.map((b) => b.count)) + t.undated.count).toBe(listed.length);
    expect(t.undated.count).toBe(listed.filter((i) => i.date === null).length);
    const ids = new Set([...t.buckets.flatMap((b) => b.ids), ...t.undated.ids]);
    expect(ids).toEqual(new Set(listed.map((i) => i.id)));
    // total still counts all items of the period, so share <= 1 and some period has other items
    for (const b of t.buckets) {
      expect(b.total).toBe(dated.filter((i) => b.start <= i.date! && i.date! <= b.end).length);
      expect(b.share).toBeCloseTo(b.total ? b.count / b.total : 0, 4);
    }
    expect(t.buckets.some((b) => b.count < b.total)).toBe(true);
  });

  it('--split topic --json: series add up to the bucket counts', () => {
    const t = json<TimelineJson>(run(['timeline', '--by', 'month', '--split', 'topic', '--json']));
    expect(t.series!.length).toBeGreaterThan(1);
    t.buckets.forEach((b, i) => {
      expect(sum(t.series!.map((s) => s.buckets[i]!.count))).toBe(b.count);
      for (const s of t.series!) expect(s.buckets[i]!.period).toBe(b.period);
    });
    // each series value is the item's first topic (or "other" for the rest)
    const named = t.series!.filter((s) => s.value !== 'other');
    for (const s of named) {
      const expected = dated.filter((i) => (i.topics[0] ?? '(none)') === s.value).length;
      expect(sum(s.buckets.map((b) => b.count))).toBe(expected);
    }
  });

  it('--normalize shows a percentage on every row with dated items, and a dash on the others', () => {
    const r = run(['timeline', '--by', 'month', '--normalize', '--format', 'table']);
    expect(r.status).toBe(0);
    const t = json<TimelineJson>(run(['timeline', '--by', 'month', '--json']));
    const rows = r.stdout.split('\n').filter((l) => /^\d{4}-\d{2}\s/.test(l));
    expect(rows).toHaveLength(t.buckets.length);
    expect(t.buckets.some((b) => b.total === 0)).toBe(true);
    for (const [i, b] of t.buckets.entries())
      expect(rows[i]).toMatch(b.total ? /\d+(\.\d)?% \(\d+\/\d+\)/ : /^\S+\s+–\s*$/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--csv has the documented header and one row per bucket', () => {
    const r = run(['timeline', '--by', 'month', '--csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split(/\r?\n/)[0]).toBe('period,start,end,count,total,share');
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const t = json<TimelineJson>(run(['timeline', '--by', 'month', '--json']));
    expect(rows.map((x) => x.period)).toEqual(t.buckets.map((b) => b.period));
    expect(sum(rows.map((x) => Number(x.count)))).toBe(dated.length);
  });

  it('--jsonl prints one bucket per line', () => {
    const r = run(['timeline', '--by', 'quarter', '--jsonl']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const buckets = lines.map((l) => JSON.parse(l) as Bucket);
    const t = json<TimelineJson>(run(['timeline', '--by', 'quarter', '--json']));
    expect(buckets).toEqual(t.buckets);
    for (const b of buckets) expect(b.period).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('--svg writes an svg file atomically, leaving no .tmp file', () => {
    const dir = makeTempDir('meso-e2e-svg-');
    const file = path.join(dir, 'chart.svg');
    const r = run(['timeline', '--split', 'topic', '--svg', file]);
    expect(r.status).toBe(0);
    expect(existsSync(file)).toBe(true);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const counts = [...svg.matchAll(/<rect class="bar"[^>]*data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sum(counts)).toBe(dated.length);
    expect(readdirSync(dir)).toEqual(['chart.svg']);
    expect(r.stderr).toContain('wrote');
  });

  it('a query counts fewer items than the whole', () => {
    const whole = json<TimelineJson>(run(['timeline', '--json']));
    const r = run(['timeline', 'trafficking', '--json']);
    expect(r.status).toBe(0);
    const t = json<TimelineJson>(r);
    const n = (x: TimelineJson) => sum(x.buckets.map((b) => b.count)) + x.undated.count;
    expect(n(t)).toBeGreaterThan(0);
    expect(n(t)).toBeLessThan(n(whole));
    expect(n(whole)).toBe(all.length);
  });

  it('counts what search finds, best match: a question counts the items its words find; --all is strict', () => {
    const count = (t: TimelineJson) => sum(t.buckets.map((b) => b.count)) + t.undated.count;
    const ids = (t: TimelineJson) => [...t.buckets.flatMap((b) => b.ids), ...t.undated.ids].sort();
    const question = run(['timeline', 'what', 'about', 'hurricanes', 'in', 'Honduras', '--json']);
    expect(question.status, question.stderr).toBe(0);
    const searched = run(['search', 'what', 'about', 'hurricanes', 'in', 'Honduras', '--json', '-n', '1000']);
    const found = json<Item[]>(searched).map((i) => i.id);
    // every counted item is one search finds (search may add feedback hits, which a timeline does not count)
    for (const id of ids(json<TimelineJson>(question))) expect(found).toContain(id);
    const strict = json<TimelineJson>(run(['timeline', 'trafficking', 'Honduras', '--all', '--json']));
    const loose = json<TimelineJson>(run(['timeline', 'trafficking', 'Honduras', '--json']));
    expect(count(strict)).toBeGreaterThan(0);
    expect(count(loose)).toBeGreaterThan(count(strict));
  });

  it('with date bounds, leaves undated items out (as list does) and counts what list counts', () => {
    const year = dated[0]!.date!.slice(0, 4);
    const t = json<TimelineJson>(run(['timeline', '--year', year, '--json']));
    expect(t.undated.count).toBe(0);
    expect(sum(t.buckets.map((b) => b.count))).toBe(json<Item[]>(run(['list', '--year', year, '--json'])).length);
  });

  it('exits 1, printing nothing, when no dated item falls in the bounds', () => {
    const r = run(['timeline', '--year', '2099']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('meso: no items match these filters\n');
  });

  // Regression: with nothing found, --json and --csv printed nothing; the README promises what a reader of the
  // format expects (timeline's JSON is one object)
  it('prints its empty JSON object and the CSV header when nothing matches, and exits 1', () => {
    const j = run(['timeline', '--country', 'Haiti', '--json']);
    expect(j.status).toBe(1);
    expect(json<TimelineJson>(j).buckets).toEqual([]);
    const c = run(['timeline', '--year', '2099', '--csv']);
    expect(c.status).toBe(1);
    expect(c.stdout).toBe('period,start,end,count,total,share\r\n');
    expect(run(['timeline', '--year', '2099', '--jsonl']).stdout).toBe('');
    // with --svg too, which then writes no chart (review)
    const svg = path.join(makeTempDir(), 'none.svg');
    const withSvg = run(['timeline', '--country', 'Haiti', '--json', '--svg', svg]);
    expect(withSvg.status).toBe(1);
    expect(json<TimelineJson>(withSvg).buckets).toEqual([]);
    expect(existsSync(svg)).toBe(false);
  });

  // Regression: in a pipe it printed the bar chart; the README promises one line per row there
  it('prints one tab-separated line per period in a pipe: period and count, as the chart', () => {
    const r = run(['timeline', '--by', 'month']);
    expect(r.status).toBe(0);
    const t = json<TimelineJson>(run(['timeline', '--by', 'month', '--json']));
    expect(r.stdout).toBe(t.buckets.map((b) => `${b.period}\t${b.count}\n`).join(''));
    const normalized = run(['timeline', '--by', 'month', '--normalize']).stdout.split('\n')[0]!.split('\t');
    expect(normalized).toHaveLength(4);
    expect(run(['timeline', '--by', 'month', '--format', 'table']).stdout).toMatch(/^Timeline of all items/);
  });

  it('exits 1 when every match is undated, saying how many and where to see them', () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'p.txt'), 'An undated story\nIts summary sentence.\n');
    const r = run(['timeline', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no dated items match; 1 undated item matches \(meso list shows them/);
  });

  it('an unknown --by exits 2 with a message', () => {
    const r = run(['timeline', '--by', 'fortnight']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/fortnight/);
  });
});
