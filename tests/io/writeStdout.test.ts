import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { isTerminal, openStdout, whenWritten } from '../../src/io/writeStdout.js';
import { makeTempDir } from '../helpers/runMeso.js';

describe('isTerminal', () => {
  it.skipIf(process.platform === 'win32')('says no for /dev/null, a character device that is not a terminal', () => {
    const fd = openSync('/dev/null', 'w');
    try {
      expect(isTerminal(fd)).toBe(false);
    } finally {
      closeSync(fd);
    }
  });

  it('says no for a file and for a descriptor that is not open', () => {
    const fd = openSync(path.join(makeTempDir(), 'out.txt'), 'w');
    try {
      expect(isTerminal(fd)).toBe(false);
    } finally {
      closeSync(fd);
    }
    expect(isTerminal(fd)).toBe(false);
  });
});

describe('openStdout', () => {
  const noStream = (): NodeJS.WriteStream => {
    throw new Error('the stream was made');
  };
  const closed = (): never => {
    throw new Error('closed');
  };

  it.skipIf(process.platform === 'win32')(
    'writes into /dev/null without making the stream (which loads the stream modules)',
    () => {
      const fd = openSync('/dev/null', 'w');
      try {
        const out = openStdout(closed, noStream, fd);
        expect(out.isTTY).toBe(false);
        expect(() => out.write('x'.repeat(100_000))).not.toThrow();
      } finally {
        closeSync(fd);
      }
    },
  );

  it('writes all of a text into a file without making the stream', () => {
    const file = path.join(makeTempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    try {
      const out = openStdout(closed, noStream, fd);
      out.write('é'.repeat(70_000));
      out.write('\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(`${'é'.repeat(70_000)}\n`);
  });
});

describe('whenWritten', () => {
  /** A stream whose writes complete a few milliseconds later, as a terminal's on Windows or a pipe's on macOS. */
  const slowStream = () => {
    const out: string[] = [];
    const stream = new Writable({
      highWaterMark: 4,
      write(chunk, _encoding, done) {
        setTimeout(() => {
          out.push(String(chunk));
          done();
        }, 5);
      },
    });
    return { stream, out };
  };

  it('resolves only once every queued write is out, in order', async () => {
    const { stream, out } = slowStream();
    for (const part of ['first ', 'second ', 'third']) stream.write(part);
    expect(out.join('')).toBe(''); // nothing out yet: ending the process now would lose it all
    await whenWritten(stream as unknown as NodeJS.WriteStream);
    expect(out.join('')).toBe('first second third');
  });

  it('resolves at once for a stream never made or with nothing queued', async () => {
    await whenWritten(undefined);
    const { stream, out } = slowStream();
    await whenWritten(stream as unknown as NodeJS.WriteStream);
    expect(out).toEqual([]); // it wrote nothing of its own
  });
});
