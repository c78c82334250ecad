import { runCli } from './cli.js';

/**
 * The process edge: real stdout/stderr and a quiet end on a closed pipe. Output is written with
 * process.stdout.write and the status set on process.exitCode, so nothing is cut off by an early exit.
 */
const quietOnClosedPipe = (stream: NodeJS.WriteStream) =>
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader has gone: nothing left to say
    throw e;
  });
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
// Ctrl-C keeps Node's default: the process ends at once and the shell sees 130. Files are only ever
// written through writeFileAtomic, which holds the signal until its rename is done.

process.exitCode = await runCli(process.argv, {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
});
