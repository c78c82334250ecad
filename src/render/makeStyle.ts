import { Chalk, type ChalkInstance } from 'chalk';

/** How output is styled: colour level and the width to fit. The only place chalk is set up. */
export interface Style {
  c: ChalkInstance;
  color: boolean;
  width: number;
}

/**
 * Colour only on a terminal, not a dumb one (TERM=dumb): off with --no-color or NO_COLOR (any non-empty value),
 * forced with FORCE_COLOR (1, 2, 3, or true; 0, false, no or off turn it off). Width from the terminal, else
 * COLUMNS, else 100.
 */
export function makeStyle(opts: { color?: boolean; isTTY: boolean; columns?: number; env: NodeJS.ProcessEnv }): Style {
  const { env } = opts;
  // a dumb terminal (TERM=dumb: Emacs's shell, some CI logs) shows escape codes as they are
  let level: 0 | 1 | 2 | 3 = opts.isTTY && env.TERM !== 'dumb' ? 1 : 0;
  if (level > 0 && /-256(color)?$/i.test(env.TERM ?? '')) level = 2;
  if (level > 0 && /truecolor|24bit/i.test(env.COLORTERM ?? '')) level = 3;
  if (env.FORCE_COLOR !== undefined) {
    const word = env.FORCE_COLOR.toLowerCase();
    const n =
      word === '' || word === 'true' ? 1 : word === 'false' || word === 'no' || word === 'off' ? 0 : Number(word);
    level = (Number.isFinite(n) ? Math.max(0, Math.min(3, n)) : 1) as 0 | 1 | 2 | 3;
  }
  if ((env.NO_COLOR !== undefined && env.NO_COLOR !== '') || opts.color === false) level = 0;
  // any real width counts, however narrow: renderers fit 20 columns too (a pseudo-terminal without a size says 0)
  const width = opts.columns && opts.columns > 0 ? opts.columns : Number(env.COLUMNS) > 0 ? Number(env.COLUMNS) : 100;
  return { c: new Chalk({ level }), color: level > 0, width };
}
