import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { removeStaleTemps, resolveWriteTarget, writeFileAtomic } from '../../src/io/writeFileAtomic.js';
import { makeTempDir } from '../helpers/runMeso.js';

const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', () => {
    const dir = makeTempDir();
    writeFileAtomic(path.join(dir, 'a.txt'), 'hello');
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it.skipIf(!posix)('keeps the mode of the file it replaces (0600 stays 0600)', () => {
    const file = path.join(makeTempDir(), 'secret.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix)('follows a symlink: the file it names gets the data, the link stays a link', () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'target.csv'), 'old');
    symlinkSync('target.csv', path.join(dir, 'link.csv'));
    writeFileAtomic(path.join(dir, 'link.csv'), 'new');
    expect(lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.csv'))).toBe('target.csv');
    expect(readFileSync(path.join(dir, 'target.csv'), 'utf8')).toBe('new');
  });

  it.skipIf(!posix)('follows a symlink whose target does not exist yet, creating the target', () => {
    const dir = makeTempDir();
    symlinkSync('made.csv', path.join(dir, 'link.csv'));
    writeFileAtomic(path.join(dir, 'link.csv'), 'new');
    expect(lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'made.csv'), 'utf8')).toBe('new');
  });

  it.skipIf(!posix)('writes into a FIFO in place rather than replacing it with a plain file', async () => {
    const fifo = path.join(makeTempDir(), 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const ended = new Promise((resolve) => reader.on('close', resolve));
    writeFileAtomic(fifo, 'through the pipe');
    await ended;
    expect(got).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!isRoot)('writes into a device in place rather than replacing it with a plain file', () => {
    const dev = path.join(makeTempDir(), 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0); // a private /dev/null
    writeFileAtomic(dev, 'gone');
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')('writes through a link into /proc/self/fd in place', () => {
    const link = path.join(makeTempDir(), 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    expect(resolveWriteTarget(link)).toMatchObject({ inPlace: true, fd: 1 });
    expect(resolveWriteTarget('/dev/stdout')).toMatchObject({ inPlace: true, fd: 1 });
    expect(resolveWriteTarget('/dev/fd/2')).toMatchObject({ inPlace: true, fd: 2 });
    expect(resolveWriteTarget('/dev/null')).toEqual({ file: '/dev/null', inPlace: true });
    expect(resolveWriteTarget(`/proc/${process.ppid}/fd/1`).fd).toBeUndefined(); // another process's: not ours
  });

  it('removes the temporary file a killed writer left, and keeps a live writer’s', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'corpus.cache');
    const orphan = `corpus.cache.${deadPid()}.0badf00d.tmp`;
    const live = `corpus.cache.${process.ppid}.0cafe0ff.tmp`;
    const other = `other.cache.${deadPid()}.12345678.tmp`;
    for (const name of [orphan, live, other]) writeFileSync(path.join(dir, name), 'half');
    writeFileAtomic(file, 'whole');
    expect(existsSync(path.join(dir, orphan))).toBe(false);
    expect(existsSync(path.join(dir, live))).toBe(true);
    expect(existsSync(path.join(dir, other))).toBe(true); // another file's: left for its own next write
    expect(readFileSync(file, 'utf8')).toBe('whole');
  });

  it('removeStaleTemps leaves names that only look alike', () => {
    const dir = makeTempDir();
    const keep = ['corpus.cache.tmp', `corpus.cache.${deadPid()}.notahex!.tmp`, 'corpus.cache'];
    for (const name of keep) writeFileSync(path.join(dir, name), 'x');
    removeStaleTemps(path.join(dir, 'corpus.cache'));
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });
});
