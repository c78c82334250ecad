// @ts-check
// The benchmark's command-line options: which corpus sizes, how many runs, where to write.
import path from 'node:path';

/**
 * @typedef {object} BenchOptions
 * @property {number[]} sizes corpus sizes in items, in the order they are run
 * @property {number} runs timed runs of every row, interleaved
 * @property {string} out folder for corpora, caches, databases and bench.json
 * @property {string | undefined} before another checkout of meso (built), whose warm search is timed beside this one's
 */

export const USAGE =
  'usage: npm run bench -- [--sizes 50,1000,10000,100000] [--runs 7] [--out bench-out] [--before <meso checkout>]';

/** Thrown for a bad command line; index.mjs prints it with the usage line. */
export class OptionsError extends Error {}

/**
 * Reads `--sizes`, `--runs`, `--out` and `--before` (also as `--flag=value`); `help` is true for `--help` / `-h`.
 * @param {string[]} argv the arguments after the script
 * @param {string} root the repository root, where the default `bench-out/` goes
 * @returns {BenchOptions & { help: boolean }}
 */
export function parseOptions(argv, root) {
  /** @type {BenchOptions & { help: boolean }} */
  const opts = {
    sizes: [50, 1000, 10000, 100000],
    runs: 7,
    out: path.join(root, 'bench-out'),
    before: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const value = () => {
      const v = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined || v === '') throw new OptionsError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--sizes')
      opts.sizes = value()
        .split(',')
        .map((s) => Number(s.trim()));
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--before') opts.before = path.resolve(value());
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else throw new OptionsError(`unknown option ${arg}`);
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new OptionsError('--sizes takes positive integers, comma-separated');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new OptionsError('--runs takes a positive integer');
  return opts;
}
