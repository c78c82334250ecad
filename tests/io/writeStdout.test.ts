import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal, openStdout } from '../../src/io/writeStdout.js';
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
