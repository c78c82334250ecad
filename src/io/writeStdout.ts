import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';
import { whyWriteFailed } from './writeFileAtomic.js';

/** The message of a failed write to standard output: `cannot write output: the disk is full (ENOSPC)`. */
export const cannotWriteOutput = (e: unknown) => `cannot write output: ${whyWriteFailed(e, true)}`;

/**
 * Whether a descriptor is a terminal. node:tty (and the net streams it brings) is loaded only for a character
 * device, which a terminal is: a pipe or a file never needs it.
 */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** Whether standard output is a file or a device (not a pipe, socket or terminal): Node writes those blindly. */
function isFileLike(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFile() || (st.isCharacterDevice() && !isTerminal(fd)) || st.isBlockDevice();
  } catch {
    return false;
  }
}

/**
 * Returns the function that writes meso's output to standard output. Into a file or a device, Node's own
 * stream writes each chunk once and ignores a short write, so a full disk loses the rest without a word; here
 * the bytes are written in a loop until all are out, and a failure (ENOSPC, EIO, EFBIG…) throws a UsageError
 * (`cannot write output: …`, exit 2). A closed reader (EPIPE) calls `onClosed`. Into a pipe or a terminal the
 * stream is used, and its errors arrive as 'error' events (see runProcess).
 */
export function makeStdoutWriter(stream: NodeJS.WriteStream, onClosed: () => never, fd = 1): (text: string) => void {
  let direct: boolean | undefined;
  return (text) => {
    direct ??= isFileLike(fd);
    if (!direct) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') onClosed();
        throw new UsageError(cannotWriteOutput(e));
      }
    }
  };
}
