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
