import { runCli } from './cli.js';
import { signalsHeld } from './io/writeFileAtomic.js';

/**
 * The process edge: real stdout/stderr and a quiet end on a closed pipe. Output is written with
 * process.stdout.write and the status set on process.exitCode, so nothing is cut off by an early exit.
 * Ctrl-C keeps Node's default (the process ends at once and the shell sees 130); files are only written
 * through writeFileAtomic, which holds the signal until its rename is done.
 */
export async function runProcess(argv: string[]): Promise<void> {
  const quietOnClosedPipe = (stream: NodeJS.WriteStream) =>
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader has gone: nothing left to say
      throw e;
    });
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  process.exitCode = await runCli(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns,
    stdinIsTTY: () => Boolean(process.stdin.isTTY),
  });
  // After a file write, give the event loop a short wait to read a Ctrl-C held during the write (signal handles
  // do not keep Node alive: without a pending timer the signal would be dropped and the run would end with 0).
  if (signalsHeld()) await new Promise((resolve) => setTimeout(resolve, 20));
}
