import { createRequire } from 'node:module';

let hash: ((data: string | Uint8Array) => string) | undefined;

/**
 * SHA-1 in hex, for item ids: the one-shot crypto.hash where Node has it (20.12 and later), several times cheaper
 * per call than a Hash object, which older Node 20 releases fall back to. node:crypto (about 3 ms to load) is
 * loaded on the first call: a search from a warm cache makes no ids and never loads it.
 */
export function sha1(data: string | Uint8Array): string {
  if (!hash) {
    const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
    hash =
      typeof crypto.hash === 'function'
        ? (d) => crypto.hash('sha1', d, 'hex')
        : (d) => crypto.createHash('sha1').update(d).digest('hex');
  }
  return hash(data);
}
