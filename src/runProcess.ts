import { runCli } from './cli.js';
import { signalsHeld } from './io/writeFileAtomic.js';
import { cannotWriteOutput, isTerminal, makeStdoutWriter } from './io/writeStdout.js';

/**
 * The process edge: real stdout/stderr, a quiet end on a closed pipe, and exit 2 with a message when output
 * cannot be written (a full disk, an I/O error). Output is written with makeStdoutWriter and the status set on
 * process.exitCode, so nothing is cut off by an early exit. Ctrl-C keeps Node's default (the process ends at
 * once and the shell sees 130); files are only written through writeFileAtomic, which holds the signal until
 * its rename is done.
 */
export async function runProcess(argv: string[]): Promise<void> {
  const closed = (): never => process.exit(process.exitCode ?? 0); // the reader has gone: nothing left to say
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed();
    try {
      process.stderr.write(`meso: error: ${cannotWriteOutput(e)}\n`);
    } finally {
      process.exit(2);
    }
  });
  // a failing stderr has no one left to tell: end with the status the run has, or 2 for an error
  process.stderr.on('error', (e: NodeJS.ErrnoException) =>
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2),
  );
  process.exitCode = await runCli(argv, {
    out: makeStdoutWriter(process.stdout, closed),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    // not process.stderr.isTTY: the stderr stream is only made when something is written
    errIsTTY: isTerminal(2),
    columns: process.stdout.columns,
    stdinIsTTY: () => Boolean(process.stdin.isTTY),
  });
  // After a file write, give the event loop a short wait to read a Ctrl-C held during the write (signal handles
  // do not keep Node alive: without a pending timer the signal would be dropped and the run would end with 0).
  if (signalsHeld()) await new Promise((resolve) => setTimeout(resolve, 20));
}
