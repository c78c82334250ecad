import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, createRunner, makeTempDir } from '../helpers/runMeso.js';

const { run } = createRunner();

const SEED_DIR = path.join(ROOT, 'data', 'pages');
const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(path.join(SEED_DIR, f)) }));

/** One change to a page's lines or bytes. */
type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'shuffle'; keys: number[] }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), keys: fc.array(fc.nat(), { minLength: 1, maxLength: 80 }) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    // arbitrary bytes, biased towards the interesting ones: NUL, CR, LF, ESC, BOM and invalid UTF-8 lead bytes
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
      fc.constantFrom(
        new Uint8Array([0]),
        new Uint8Array([13]),
        new Uint8Array([10, 10]),
        new Uint8Array([0x1b, 0x5b, 0x32, 0x4a]),
        new Uint8Array([0xef, 0xbb, 0xbf]),
        new Uint8Array([0xc3]),
        new Uint8Array([0xff, 0xfe]),
        new Uint8Array([0xed, 0xa0, 0x80]),
      ),
    ),
  }),
);

const NL = 0x0a;

function splitLines(buf: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === NL) {
      lines.push(buf.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(buf.subarray(start));
  return lines;
}

function apply(page: Buffer, m: Mutation): Buffer {
  if (m.kind === 'bytes') {
    const at = page.length ? m.at % (page.length + 1) : 0;
    return Buffer.concat([page.subarray(0, at), Buffer.from(m.bytes), page.subarray(at)]);
  }
  const lines = splitLines(page);
  if (m.kind === 'drop') {
    if (lines.length) lines.splice(m.at % lines.length, 1);
  } else if (m.kind === 'duplicate') {
    if (lines.length) {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
    }
  } else {
    // swap pairs of lines picked by the keys
    for (let k = 0; k + 1 < m.keys.length && lines.length > 1; k += 2) {
      const a = m.keys[k]! % lines.length;
      const b = m.keys[k + 1]! % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
  }
  const out: Buffer[] = [];
  lines.forEach((l, i) => {
    if (i) out.push(Buffer.from([NL]));
    out.push(l);
  });
  return Buffer.concat(out);
}

/** Which seed pages go into the folder (each at least once, maybe twice), and the changes made to each. */
const folderPlan = fc.array(
  fc.record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    mutations: fc.array(mutation, { maxLength: 12 }),
  }),
  { minLength: 1, maxLength: 5 },
);

describe('fuzzing list --json with mutated seed pages', () => {
  it('exits 0, 1 or 2, never with a stack trace, and prints valid JSON when it exits 0', () => {
    expect(SEEDS.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(folderPlan, (plan) => {
        const dir = makeTempDir('meso-fuzz-');
        plan.forEach((p, i) => {
          const seed = SEEDS[p.seed]!;
          const bytes = p.mutations.reduce(apply, seed.bytes);
          writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}_${seed.name}`), bytes);
        });
        const r = run(['list', '--json', '--no-cache', '--data', dir]);
        expect([0, 1, 2]).toContain(r.status);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toContain('internal error');
        if (r.status === 0) {
          const items = JSON.parse(r.stdout) as unknown;
          expect(Array.isArray(items)).toBe(true);
        }
      }),
      { seed: 20240517, numRuns: 25 },
    );
  }, 60_000);
});

/** January … December, as Intl writes them (not the parser's own table). */
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
);
const MESES = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString('es', { month: 'long', timeZone: 'UTC' }),
);
const daysIn = (y: number, m: number) => {
  const t = new Date(0);
  t.setUTCFullYear(2000 + (y % 400), m, 0); // the calendar repeats every 400 years
  return t.getUTCDate();
};

/** A day, month and year that name no date meso takes: a day past the month's end, or a year out of 1900–2100. */
const badParts = fc.oneof(
  // a day the month does not have, in a year in range
  fc
    .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
    .chain(({ y, m }) =>
      daysIn(y, m) === 31
        ? fc.constant({ y, m, d: 0 })
        : fc.record({ y: fc.constant(y), m: fc.constant(m), d: fc.integer({ min: daysIn(y, m) + 1, max: 31 }) }),
    ),
  // a real day, in a year out of range (3 to 6 digits)
  fc
    .record({
      y: fc.oneof(fc.integer({ min: 100, max: 1899 }), fc.integer({ min: 2101, max: 999_999 })),
      m: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ y, m }) =>
      fc.record({ y: fc.constant(y), m: fc.constant(m), d: fc.integer({ min: 1, max: daysIn(y, m) }) }),
    ),
);

/** The date line forms of the site, each written with the parts given. */
const FORMATS: Array<(p: { y: number; m: number; d: number }) => string | null> = [
  ({ y, m, d }) => `${d} ${MONTHS[m - 1]}, ${y}`,
  ({ y, m, d }) => `${MONTHS[m - 1]} ${d}, ${y}`,
  ({ y, m, d }) => `${d} de ${MESES[m - 1]} de ${y}`,
  ({ y, m, d }) => `${String(d).padStart(2, '0')} / ${String(m).padStart(2, '0')} / ${y}`,
  ({ y, m, d }) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
  ({ y, m, d }) => (y >= 1000 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null),
];

describe('fuzzing impossible and out-of-range dates in every date format', () => {
  it('never makes one a title or a date, warns at its line, and keeps the title after it', () => {
    fc.assert(
      fc.property(badParts, fc.nat({ max: FORMATS.length - 1 }), fc.boolean(), (parts, f, atTop) => {
        const bad = FORMATS[f]!(parts);
        if (bad === null) return;
        const head = atTop ? '' : '4 December, 2017\n\nFirst title here\n\nFirst summary.\n\n';
        const page = `${head}${bad}\n\nThe real title\n\nIts summary.\n`;
        const badLine = atTop ? 1 : 7;
        const r = run(['parse', '-', '--json'], { input: page });
        expect(r.status, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as {
          pages: Array<{ items: Array<{ title: string; date: string | null; summary: string }>; diagnostics: any[] }>;
        };
        const { items, diagnostics } = out.pages[0]!;
        expect(items.map((i) => i.title)).toEqual([...(atTop ? [] : ['First title here']), 'The real title']);
        expect(items.map((i) => i.date)).toEqual([...(atTop ? [] : ['2017-12-04']), null]);
        expect(items.every((i) => !i.summary.includes(bad) && !i.summary.includes('The real title'))).toBe(true);
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ line: badLine, text: bad });
        const inRange = parts.y >= 1900 && parts.y <= 2100;
        expect(diagnostics[0].message).toMatch(
          inRange ? /names no real calendar day/ : new RegExp(`year ${parts.y} is out of range`),
        );
      }),
      { seed: 20261130, numRuns: 30 },
    );
  }, 60_000);
});
