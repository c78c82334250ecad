import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createRunner, makeTempDir, mesoEnv } from '../helpers/runMeso.js';

// MESO_TIMINGS=1 is how the benchmark (scripts/bench) and anyone asking learn where a run's time goes: one JSON
// line on stderr at the end. What it costs is timed with the run, so it must cost next to nothing.

const { run, cacheHome } = createRunner();

describe('MESO_TIMINGS', () => {
  it("prints a search's phases and its total as one JSON line on stderr, after the output", () => {
    run(['search', 'trafficking', '--json']); // the cache
    const r = run(['search', 'trafficking', '--json'], { env: { MESO_TIMINGS: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    const last = r.stderr.trimEnd().split('\n').at(-1)!;
    const { timings } = JSON.parse(last) as { timings: Record<string, number> };
    expect(Object.keys(timings)).toEqual(
      expect.arrayContaining(['list pages', 'read cache', 'load index', 'plan', 'rank', 'describe', 'total']),
    );
    for (const [phase, ms] of Object.entries(timings)) expect(ms, phase).toBeGreaterThanOrEqual(0);
    // milliseconds since the process started: more than any phase, less than a minute
    expect(timings.total).toBeGreaterThan(
      Math.max(
        ...Object.entries(timings)
          .filter(([k]) => k !== 'total')
          .map(([, v]) => v),
      ),
    );
    expect(timings.total).toBeLessThan(60_000);
  });

  it('prints nothing without it', () => {
    const r = run(['search', 'trafficking', '--json'], { env: { MESO_TIMINGS: undefined } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('timings');
  });

  it('loads nothing to time the run with: no perf_hooks (about 0.7 ms of the run it would time)', () => {
    // a hook that says, as the process ends, which of Node's modules were loaded
    const hook = path.join(makeTempDir('meso-timings-'), 'loaded.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'));",
    );
    const r = spawnSync(process.execPath, ['-r', hook, BIN, 'search', 'trafficking', '--json'], {
      env: mesoEnv(cacheHome, { MESO_TIMINGS: '1' }),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('"timings"');
    const loaded = JSON.parse(r.stderr.split('\nLOADED ')[1]!) as string[];
    expect(loaded.length).toBeGreaterThan(10);
    // (internal/perf/utils is loaded by every Node as it starts; perf_hooks and performance by the global)
    expect(loaded.filter((m) => /perf_hooks|internal\/perf\/performance$/.test(m))).toEqual([]);
  });
});
