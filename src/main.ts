import { runCli } from './cli.js';

/**
 * The process edge: real stdout/stderr, a quiet end on a closed pipe, 130 on Ctrl-C. Output is written with
 * process.stdout.write and the status set on process.exitCode, so nothing is cut off by an early exit.
 */
const quietOnClosedPipe = (stream: NodeJS.WriteStream) =>
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader has gone: nothing left to say
    throw e;
  });
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

process.exitCode = await runCli(process.argv, {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
});
