// Reading parts of a file by position: the cache's and the compiled tables' header lines and blocks.
import { closeSync, openSync, readSync } from 'node:fs';

/** Reads `buffer.length` bytes of a file from `position`; fewer bytes than that is an error. */
export function readFully(fd: number, buffer: Buffer, position: number): Buffer {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('the file ends early');
    done += n;
  }
  return buffer;
}

/**
 * The first bytes of a file, up to and with its first line (the header, which holds the cache key: a few hundred
 * bytes, more with many pages), and where that line ends. `guess` bytes are read first, four times as many
 * again until the line ends.
 */
export function readHeaderLine(fd: number, size: number, guess = 4096): [Buffer, number] {
  for (let length = Math.min(size, guess); ; length = Math.min(size, length * 4)) {
    const first = readFully(fd, Buffer.allocUnsafe(length), 0);
    const nl = first.indexOf(10);
    if (nl >= 0) return [first, nl];
    if (length === size) throw new Error('it has no header line');
  }
}

/** Reads bytes [start, end) of a file. */
export function readRange(file: string, start: number, end: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    return readFully(fd, Buffer.allocUnsafe(end - start), start);
  } finally {
    closeSync(fd);
  }
}
