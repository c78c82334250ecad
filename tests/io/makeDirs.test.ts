import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../src/io/makeDirs.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'meso-makedirs-'));

describe('makeDirs', () => {
  it('makes a folder and the missing folders above it, and takes one that is there', () => {
    const dir = path.join(temp(), 'a', 'b', 'c');
    makeDirs(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(() => makeDirs(dir)).not.toThrow();
  });

  it('throws where a file stands in the way', () => {
    const root = temp();
    writeFileSync(path.join(root, 'file'), '');
    expect(() => makeDirs(path.join(root, 'file'))).toThrow(/EEXIST/);
    // (Windows says ENOENT below a file, and makeDirs then meets the file: EEXIST)
    expect(() => makeDirs(path.join(root, 'file', 'below'))).toThrow(/ENOTDIR|EEXIST/);
  });

  // Regression: mkdirSync(…, { recursive: true }) loops for ever on Node 20 under /proc (mkdir says ENOENT)
  it.skipIf(!existsSync('/proc/self'))('throws, rather than looping, where mkdir says a folder is missing', () => {
    expect(() => makeDirs('/proc/meso-no-such/cache')).toThrow(/ENOENT/);
  });
});
