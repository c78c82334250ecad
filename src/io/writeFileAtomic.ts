import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Writes a file atomically: to a temporary file beside it, then renamed into place, so readers see the old
 * file or the new one, never half of one, whatever crashes or runs at the same time.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // A Ctrl-C during the write is held until the file is in place (or removed), then ends the run with 130.
  const hold = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.once('SIGINT', hold).once('SIGTERM', hold);
  setImmediate(() => process.off('SIGINT', hold).off('SIGTERM', hold));
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
