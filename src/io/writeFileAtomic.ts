import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

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

/**
 * Writes a file atomically: to a temporary file beside it, then renamed into place, so readers see the old
 * file or the new one, never half of one, whatever crashes or runs at the same time.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  holdSignals();
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * Writes a file the user named (--out, --svg) atomically; a failure is the user's to fix, so it becomes a
 * UsageError (exit 2) that names the file and the reason, not an internal error.
 */
export function writeOutputFile(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = WHY[code] ?? (e as Error).message;
    const hint = code === 'ENOENT' ? ` (create ${JSON.stringify(path.dirname(file))} first)` : '';
    throw new UsageError(`cannot write ${JSON.stringify(file)}: ${why}${hint}`);
  }
}
