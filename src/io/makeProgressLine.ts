import { nowMs } from '../timings.js';
/** What loading reports: how much of a stage is done. */
export type ProgressStage = 'pages' | 'items' | 'cache';

/** A progress line on a terminal's stderr: updated in place, cleared before anything else is printed. */
export interface ProgressLine {
  /** Reports `done` of `total` in a stage (pages read; items to index; the cache being written). */
  update: (done: number, total: number, stage?: ProgressStage) => void;
  /** Wipes the line, if one was drawn. */
  clear: () => void;
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** false in a pipe, with --quiet: then nothing is ever written */
  enabled: boolean;
  /** terminal width: the line is kept shorter, so `\r` can redraw it */
  columns?: number;
  /** quiet for this long (ms): short work never shows a line; MESO_PROGRESS_DELAY (ms) in `env` overrides it */
  delay?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

const seconds = (ms: number) => (ms < 1000 ? 'under a second' : `about ${Math.round(ms / 1000)} s`);
// the time left is the reading's own: what follows (tagging, indexing, writing the cache) is named as it starts
const count = (n: number) => n.toLocaleString('en-US');

/**
 * A progress line for long loads, as `meso: reading pages 120/400 · about 3 s to go`: nothing for the first half
 * second (most runs end sooner), then redrawn at most ten times a second with `\r` and erase-to-end-of-line.
 * The time is the reading's pace so far applied to the pages left; the stages after it (tagging the items,
 * indexing them, writing the cache) are named as they start, without a time, since their cost is not counted.
 */
export function makeProgressLine(opts: ProgressOptions): ProgressLine {
  const now = opts.now ?? (() => nowMs());
  const fromEnv = Number(opts.env?.MESO_PROGRESS_DELAY);
  const delay = opts.env?.MESO_PROGRESS_DELAY && Number.isFinite(fromEnv) ? fromEnv : (opts.delay ?? 500);
  const width = Math.max(20, (opts.columns || 80) - 1);
  const start = now();
  let stage: ProgressStage | undefined;
  let stageStart = start;
  let drawn = 0;
  let shown = false;
  const text = (done: number, total: number, s: ProgressStage, t: number) => {
    if (s === 'pages') {
      // after the last page, loading merges the items and finds their countries and topics
      if (done >= total) return `meso: ${count(total)} pages read; tagging their items …`;
      const left = done > 0 ? ((t - stageStart) / done) * (total - done) : Number.NaN;
      return `meso: reading pages ${count(done)}/${count(total)}${Number.isNaN(left) ? '' : ` · ${seconds(left)} to go`}`;
    }
    if (s === 'items') return `meso: indexing ${count(total)} items …`;
    return 'meso: writing the index cache (the next run reads it at once) …';
  };
  return {
    update(done, total, s = 'pages') {
      if (!opts.enabled) return;
      const t = now();
      if (s !== stage) {
        stage = s;
        stageStart = t;
      } else if (t - drawn < 100 && done < total) return;
      if (t - start < delay) return;
      drawn = t;
      shown = true;
      opts.write(`\r\x1b[K${text(done, total, s, t).slice(0, width)}`);
    },
    clear() {
      if (shown) opts.write('\r\x1b[K');
      shown = false;
    },
  };
}
