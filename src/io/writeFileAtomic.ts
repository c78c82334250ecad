import { createRequire } from 'node:module';
import {
  chmodSync,
  chownSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ReaderClosedError, UsageError } from '../errors.js';

let holding = false;

/** Whether a write has happened, so a held Ctrl-C may be waiting to be handled. */
export const signalsHeld = () => holding;
/**
 * From the first write on, Ctrl-C (or SIGTERM) no longer kills the process mid-write: Node queues the signal
 * while the synchronous write and rename run, then the handler ends the run with 130 (143) at the next turn
 * of the event loop. The handler stays: removing it would drop a signal still in the queue.
 */
function holdSignals(): void {
  if (holding) return;
  holding = true;
  process.on('SIGINT', () => process.exit(130)).on('SIGTERM', () => process.exit(143));
}

/** How a write reaches a path: replaced by a rename (and the mode it keeps), or written in place. */
export interface WriteTarget {
  /** the path to write: the given one, or the file a chain of symlinks names */
  file: string;
  /** write through the path as it is (a device, a FIFO, /dev/stdout): a rename would replace the special file */
  inPlace: boolean;
  /** the existing regular file, whose mode (and owner) the new one keeps */
  existing?: Stats;
  /** a descriptor of this process the path names (/dev/stdout, /proc/self/fd/1, /dev/fd/1): written to as it is,
   * at its offset and in its append mode, never reopened (which would truncate `>> file`, and fails on sockets) */
  fd?: number;
}

/** The descriptor of this process a path names: /dev/fd/N, /proc/self/fd/N, /proc/PID/fd/N. */
function ownDescriptor(p: string): number | undefined {
  const m = /^\/(?:dev|proc\/(self|\d+))\/fd\/(\d+)$/.exec(p);
  if (!m || (m[1] !== undefined && m[1] !== 'self' && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

/** Folders whose entries are the kernel's views of open files (/proc/self/fd/1), never to be renamed over. */
const isMagic = (dir: string) => {
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    /* a folder that does not exist yet is no magic one */
  }
  return /^\/(proc|dev)(\/|$)/.test(real);
};

/**
 * Works out where and how to write `file`. A symlink is followed to the file it names (the link stays), a
 * path that is not a regular file (a device, a FIFO, a socket, /dev/stdout and the /proc/self/fd links behind
 * it) is written in place, and anything else is replaced atomically, keeping an existing file's mode.
 */
export function resolveWriteTarget(file: string): WriteTarget {
  let current = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const fd = process.platform === 'win32' ? undefined : ownDescriptor(current);
    if (fd !== undefined) return { file: current, inPlace: true, fd };
    let link: Stats;
    try {
      link = lstatSync(current);
    } catch {
      // nothing there yet (or a symlink's missing target): create it, atomically, unless it lives in /proc
      return { file: current, inPlace: isMagic(dirname(current)) };
    }
    if (!link.isSymbolicLink()) {
      if (!link.isFile() || isMagic(dirname(current))) return { file: current, inPlace: true };
      return { file: current, inPlace: false, existing: link };
    }
    const next = resolve(dirname(current), readlinkSync(current));
    // in /proc and /dev, follow links only as far as a descriptor of ours (/dev/stdout → /proc/self/fd/1)
    if (isMagic(dirname(current)) && ownDescriptor(next) === undefined && !next.startsWith('/proc/self/'))
      return { file: current, inPlace: true };
    current = next;
  }
  return { file, inPlace: true }; // a symlink loop: let the write itself report ELOOP
}

const TMP = /^(.*)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Whether a process with this id is running (on this machine). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}

/**
 * Removes the temporary files a killed writer left beside `file` (`file.PID.RAND.tmp` of a process that no
 * longer runs). A live writer's temporary file is left alone.
 */
export function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const base = basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TMP.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed into place, so readers see the old
 * file or the new one, never half of one, whatever crashes or runs at the same time. A symlink is followed
 * (the file it names is replaced, the link kept), an existing file keeps its mode, and a path that is not a
 * regular file (a device such as /dev/null, a FIFO, /dev/stdout) is written in place: renaming over it would
 * replace the device with a plain file. Temporary files left by killed writers are removed on the way.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = resolveWriteTarget(file);
  holdSignals();
  if (target.fd !== undefined) {
    writeAll(target.fd, data);
    return;
  }
  if (target.inPlace) {
    writeFileSync(target.file, data);
    return;
  }
  removeStaleTemps(target.file);
  // node:crypto is required here, not imported: a run that writes no file (--help, most commands) never loads it
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const tmp = `${target.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, target.existing ? { mode: 0o600 } : {});
    if (target.existing) keepOwnership(tmp, target.existing);
    renameSync(tmp, target.file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/** Writes all of `data` to an open descriptor, however many writes it takes. */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

/** Gives the new file the old one's mode and, where allowed (as root), its owner. */
function keepOwnership(tmp: string, old: Stats): void {
  if (process.platform !== 'win32' && process.getuid?.() === 0) {
    try {
      chownSync(tmp, old.uid, old.gid);
    } catch {
      /* a file system without owners */
    }
  }
  chmodSync(tmp, old.mode & 0o7777);
}

const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for its file system',
  ELOOP: 'it is a symlink loop',
  EPIPE: 'the reader closed it',
  EIO: 'an input/output error',
};

/** Why a write failed, in words (`the disk is full`), with the system's code when `withCode`. */
export function whyWriteFailed(e: unknown, withCode = false): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const why = WHY[code];
  if (!why) return String((e as Error)?.message ?? e);
  return withCode ? `${why} (${code})` : why;
}

/**
 * Writes a file the user named (--out, --svg) atomically; a failure is the user's to fix, so it becomes a
 * UsageError (exit 2) that names the file and the reason, not an internal error.
 */
export function writeOutputFile(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EPIPE') throw new ReaderClosedError(`${file}: the reader closed it`);
    const hint = code === 'ENOENT' ? ` (create ${JSON.stringify(dirname(file))} first)` : '';
    throw new UsageError(`cannot write ${JSON.stringify(file)}: ${whyWriteFailed(e)}${hint}`);
  }
}
