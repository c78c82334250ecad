import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/io/writeStdout.js';
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
