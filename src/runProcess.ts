import { runCli } from './cli.js';
import { signalsHeld } from './io/writeFileAtomic.js';
import { cannotWriteOutput, isTerminal, openStdout, whenWritten } from './io/writeStdout.js';

/**
 * The process edge: real stdout/stderr, a quiet end on a closed pipe, and exit 2 with a message when output
 * cannot be written (a full disk, an I/O error). Output is written with openStdout's writer and the status set on
 * process.exitCode, so nothing is cut off by an early exit. Ctrl-C keeps Node's default (the process ends at
 * once and the shell sees 130); files are only written through writeFileAtomic, which holds the signal until
 * its rename is done.
 */
export async function runProcess(argv: string[]): Promise<void> {
  const closed = (): never => process.exit(process.exitCode ?? 0); // the reader has gone: nothing left to say
  let stdoutStream: NodeJS.WriteStream | undefined;
  // process.stdout, made (and given its error handler) only when output goes through it: see openStdout
  const stream = (): NodeJS.WriteStream => {
    if (stdoutStream) return stdoutStream;
    stdoutStream = process.stdout;
    stdoutStream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') closed();
      try {
        process.stderr.write(`meso: error: ${cannotWriteOutput(e)}\n`);
      } finally {
        process.exit(2);
      }
    });
    return stdoutStream;
  };
  let stderr: NodeJS.WriteStream | undefined;
  // process.stderr, made on the first message (into a pipe the stream loads net, about 4 ms); a failing stderr
  // has no one left to tell: end with the status the run has, or 2 for an error
  const err = (text: string): void => {
    if (!stderr) {
      stderr = process.stderr;
      stderr.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2));
    }
    stderr.write(text);
  };
  const stdout = openStdout(closed, stream);
  process.exitCode = await runCli(argv, {
    out: stdout.write,
    err,
    env: process.env,
    isTTY: stdout.isTTY,
    // not process.stderr.isTTY: the stderr stream is only made when something is written
    errIsTTY: isTerminal(2),
    columns: stdout.columns,
    stdinIsTTY: () => Boolean(process.stdin.isTTY),
  });
  // After a file write, give the event loop a short wait to read a Ctrl-C held during the write (signal handles
  // do not keep Node alive: without a pending timer the signal would be dropped and the run would end with 0).
  if (signalsHeld()) await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all([whenWritten(stdoutStream), whenWritten(stderr)]);
}
