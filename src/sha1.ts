import crypto from 'node:crypto';

/**
 * SHA-1 in hex, for item ids and cache checksums: the one-shot crypto.hash where Node has it (20.12 and later),
 * several times cheaper per call than a Hash object, which older Node 20 releases fall back to.
 */
export const sha1: (data: string | Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha1', data, 'hex')
    : (data) => crypto.createHash('sha1').update(data).digest('hex');
