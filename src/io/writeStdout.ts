import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';
import { whyWriteFailed } from './writeFileAtomic.js';

/** The message of a failed write to standard output: `cannot write output: the disk is full (ENOSPC)`. */
export const cannotWriteOutput = (e: unknown) => `cannot write output: ${whyWriteFailed(e, true)}`;

/**
 * Whether a descriptor is a terminal. Only a character device can be one: a pipe or a file is answered from its
 * stat, and `/dev/null` (on POSIX) from its device number. For standard output and error the process's stream
 * answers, which loads node:tty (and the net streams it brings) only for a terminal; another descriptor asks
 * node:tty.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    // /dev/null itself (`> /dev/null`, a benchmark's output): Node's stream for it would load the stream modules
    if (isDevNull(stat)) return false;
  } catch {
    return false;
  }
  if (fd === 1 || fd === 2) return Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** Whether a character device's stat is `/dev/null`'s (on POSIX; Windows has none to compare with). */
function isDevNull(stat: ReturnType<typeof fstatSync>): boolean {
  if (process.platform === 'win32') return false;
  try {
    return stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** Standard output as meso writes to it (see {@link openStdout}). */
export interface Stdout {
  write: (text: string) => void;
  isTTY: boolean;
  /** the terminal's width, on a terminal */
  columns?: number;
}

/**
 * Opens standard output (descriptor `fd`, 1 but in tests). Into a file, a device that is not a terminal
 * (`/dev/null`) or, on POSIX, a pipe (`| jq`, `| head`), the bytes are written with `fs.writeSync` in a loop
 * until all are out, and no stream is made: Node's stream writes a chunk to a file once and ignores a short
 * write, so a full disk would lose the rest without a word, and its pipe stream loads `net` (about 4 ms of every
 * run). A failure (ENOSPC, EIO, EFBIG…) throws a UsageError (`cannot write output: …`, exit 2); a closed reader
 * (EPIPE) calls `onClosed`. A pipe another program made non-blocking (EAGAIN) gets the rest through Node's
 * stream. A terminal, a socket or a pipe on Windows get the stream (`stream()`, process.stdout), whose errors
 * arrive as 'error' events (see runProcess).
 */
export function openStdout(onClosed: () => never, stream: () => NodeJS.WriteStream, fd = 1): Stdout {
  let st: ReturnType<typeof fstatSync> | undefined;
  try {
    st = fstatSync(fd);
  } catch {
    st = undefined; // no standard output to look at: the stream deals with it
  }
  const fifo = st?.isFIFO() === true && process.platform !== 'win32';
  const device = st?.isCharacterDevice() === true;
  // a character device is a terminal or not: `/dev/null` is told by its device number (Node's stream for it would
  // load the stream modules, about 4 ms), another by the stream, which loads node:tty only for a terminal
  const plainDevice = device && st !== undefined && (isDevNull(st) || !stream().isTTY);
  if (!(st?.isFile() || st?.isBlockDevice() || fifo || plainDevice)) {
    const s = stream();
    return { write: (text) => void s.write(text), isTTY: Boolean(s.isTTY), columns: s.columns };
  }
  let streamed = false; // once a write met a non-blocking pipe, the rest goes through the stream, in order
  const write = (text: string): void => {
    if (streamed) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' && fifo) {
          streamed = true;
          stream().write(bytes.subarray(done));
          return;
        }
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') onClosed();
        throw new UsageError(cannotWriteOutput(e));
      }
    }
  };
  return { write, isTTY: false };
}

/**
 * Resolves once everything written to `stream` so far is out: at once when nothing is queued (or there is no
 * stream), else when the write queued last has completed (writes complete in order). Node writes a terminal on
 * Windows, and a pipe or socket on POSIX (standard error; standard output after a non-blocking pipe), asynchronously:
 * ending the process with bytes still queued would cut the output short.
 */
export function whenWritten(stream: (NodeJS.WritableStream & { writableLength: number }) | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!stream || stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}
