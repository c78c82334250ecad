/**
 * Phase timings of one run, for the benchmark and for anyone asking where the time goes: with MESO_TIMINGS=1,
 * meso prints them on stderr as one JSON line at the end (`{"timings":{"read cache":1.2,…,"total":40.1}}`),
 * in milliseconds since the process started. Nothing is recorded otherwise.
 */
const on = Boolean(process.env.MESO_TIMINGS);

/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: in Node 20 the first touch of the global
 * `performance` loads perf_hooks, a few milliseconds of every run for nothing.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

const phases: Record<string, number> = {};

/** Runs `work`, adding its time to `phase` when timings are on. */
export function timed<T>(phase: string, work: () => T): T {
  if (!on) return work();
  const t0 = nowMs();
  try {
    return work();
  } finally {
    phases[phase] = (phases[phase] ?? 0) + nowMs() - t0;
  }
}

/** The JSON line to print at the end of a run, or '' when timings are off. */
export function timingsLine(): string {
  if (!on) return '';
  const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  // (the process's uptime, not performance.now(), which would load perf_hooks, about 0.7 ms, into the run it times)
  return `${JSON.stringify({ timings: { ...rounded, total: Math.round(process.uptime() * 1e5) / 100 } })}\n`;
}

let builtCorpus = false;

/** Says that this run built a corpus from its pages (no cache, or a stale one), rather than reading a cache. */
export function noteCorpusBuilt(): void {
  builtCorpus = true;
}

/** Whether this run built a corpus from its pages: what its compiled code is mostly for (see src/main.ts). */
export const corpusBuilt = (): boolean => builtCorpus;
