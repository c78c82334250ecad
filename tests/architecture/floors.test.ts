import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runMeso.js';

/**
 * The floors of src/, lowest first: a module may import from its own floor or a lower one, never a higher
 * one (data flows one way: read → parse → enrich → index → load → query → render → commands → cli).
 */
const FLOORS: string[][] = [
  ['types.ts', 'errors.ts', 'sha1.ts', 'paths.ts', 'runtime.ts', 'timings.ts', 'globals.d.ts', 'text/', 'io/'],
  ['parse/'],
  ['enrich/'],
  ['indexing/'],
  ['load/'],
  ['query/'],
  ['render/'],
  ['options.ts', 'commands/'],
  ['cli.ts', 'runProcess.ts', 'main.ts', 'helpTopic.ts', 'helpTexts.ts'],
];

const SRC = path.join(ROOT, 'src');

function floorOf(rel: string): number {
  const i = FLOORS.findIndex((floor) => floor.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)));
  if (i < 0) throw new Error(`src/${rel} is on no floor: add it to FLOORS in tests/architecture/floors.test.ts`);
  return i;
}

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every relative import (static, type-only or dynamic) of a file, as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts'));
}

const graph = new Map(sourceFiles().map((f) => [path.relative(SRC, f), importsOf(f)]));

describe('the import graph of src/', () => {
  it('has every import pointing to the same floor or a lower one', () => {
    const upward = [...graph].flatMap(([from, tos]) =>
      tos.filter((to) => floorOf(to) > floorOf(from)).map((to) => `${from} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    const missing = [...graph].flatMap(([from, tos]) =>
      tos.filter((to) => !graph.has(to)).map((t) => `${from} → ${t}`),
    );
    expect(missing).toEqual([]);
  });
});
