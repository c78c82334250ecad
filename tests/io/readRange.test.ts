import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeaderLine, readRange } from '../../src/io/readRange.js';
import { makeTempDir } from '../helpers/runMeso.js';

function fileOf(text: string): string {
  const file = path.join(makeTempDir('meso-read-range-'), 'f.txt');
  writeFileSync(file, text);
  return file;
}

describe('readHeaderLine', () => {
  it.each([10, 4096])('finds a first line longer than the first read (a guess of %i bytes)', (guess) => {
    const head = 'h'.repeat(20_000);
    const file = fileOf(`${head}\nrest of the file`);
    const fd = openSync(file, 'r');
    try {
      const [bytes, nl] = readHeaderLine(fd, head.length + 17, guess);
      expect(nl).toBe(head.length);
      expect(bytes.toString('utf8', 0, nl)).toBe(head);
    } finally {
      closeSync(fd);
    }
  });

  it('throws for a file with no line break', () => {
    const file = fileOf('no line break at all');
    const fd = openSync(file, 'r');
    try {
      expect(() => readHeaderLine(fd, 20, 4)).toThrow(/no header line/);
    } finally {
      closeSync(fd);
    }
  });
});

describe('readRange', () => {
  it('reads the bytes asked for, and throws when the file ends before them', () => {
    const file = fileOf('0123456789');
    expect(readRange(file, 3, 7).toString()).toBe('3456');
    expect(() => readRange(file, 5, 20)).toThrow(/ends early/);
  });
});
