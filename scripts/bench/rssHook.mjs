// @ts-check
// Loaded with `node --import` when GNU time is missing: appends this process's peak RSS (KB) to $BENCH_RSS_FILE.
import fs from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
