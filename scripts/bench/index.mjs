// @ts-check
// meso's benchmark: whole-process wall times, meso's phase timings and peak memory over synthetic corpora,
// next to node -e 0 and peers. Usage: npm run bench -- [--sizes 50,1000,10000,100000] [--runs 7] [--out bench-out]
// See README.md beside this file for what each row means.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTools } from './baselines/index.mjs';
import { benchSize } from './benchSize.mjs';
import { readSeedItems } from './corpus.mjs';
import { MESO } from './mesoRows.mjs';
import { OptionsError, parseOptions, USAGE } from './options.mjs';
import { BenchError, GNU_TIME, runChecked } from './processes.mjs';
import { describeMachine, renderHeader, renderSize, writeJson } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUERY = 'trafficking';

/** @param {string} file a path, relative to here when it is below here */
const shown = (file) =>
  path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);

/** @param {string} line */
const progress = (line) => console.error(`bench: ${line}`);

function main() {
  const opts = parseOptions(process.argv.slice(2), ROOT);
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  if (opts.before && !fs.existsSync(path.join(opts.before, 'bin', 'meso.js')))
    throw new OptionsError(`--before ${opts.before}: no bin/meso.js there (a built checkout of meso)`);
  fs.mkdirSync(opts.out, { recursive: true });
  // Node 20 reads NODE_EXTRA_CA_CERTS's certificates as it starts: tens of milliseconds added to every process,
  // node -e 0 included, which would make every ratio look better than on a machine without it
  const removedEnv = ['NODE_EXTRA_CA_CERTS'].filter((name) => process.env[name] !== undefined);
  for (const name of removedEnv) delete process.env[name];
  const machine = describeMachine();
  console.log(renderHeader(machine, opts.runs, removedEnv));

  const tools = findTools();
  const started = Date.now();
  const seeds = readSeedItems(runChecked(process.execPath, [MESO, 'list', '--json', '--no-cache', '--quiet']).stdout);
  if (!seeds.length) throw new BenchError('meso list returned no items to seed the corpora');
  const jsonFile = path.join(opts.out, 'bench.json');
  /** @type {{ sizes: import('./report.mjs').SizeResult[], totalSeconds?: number } & Record<string, unknown>} */
  const report = {
    machine,
    options: { sizes: opts.sizes, runs: opts.runs, before: opts.before },
    removedEnv,
    query: QUERY,
    tools: { ...tools, gnuTime: GNU_TIME },
    sizes: [],
  };
  for (const n of opts.sizes) {
    const res = benchSize({
      n,
      runs: opts.runs,
      out: opts.out,
      query: QUERY,
      seeds,
      bundledPages: path.join(ROOT, 'data', 'pages'),
      tools,
      progress,
      before: opts.before,
    });
    report.sizes.push(res);
    report.totalSeconds = (Date.now() - started) / 1000;
    writeJson(jsonFile, report);
    console.log(`${renderSize(res)}\n`);
  }
  console.log(`Total: ${((Date.now() - started) / 1000).toFixed(1)} s; raw numbers in ${shown(jsonFile)}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof BenchError || error instanceof OptionsError)) throw error;
  progress(error.message);
  if (error instanceof OptionsError) console.error(USAGE);
  process.exitCode = 1;
}
