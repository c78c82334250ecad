import { createRequire } from 'node:module';

let table: Int32Array | undefined;

/** CRC-32 (the zlib/PNG one) in JavaScript, for a Node without zlib.crc32 (before 20.15). */
function crc32js(bytes: Uint8Array, value = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = value ^ -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

let zlibCrc32: ((bytes: Uint8Array, value?: number) => number) | null | undefined;

/**
 * CRC-32 of some bytes, as an unsigned number, going on from `value` (the CRC-32 of the bytes before them): to
 * tell a damaged cache file. zlib's where Node has it (a few milliseconds for 14 MB, where SHA-1 takes about
 * 26), else the same sum in JavaScript. node:zlib is loaded on the first call, not with this module: a run that
 * checks nothing (--version, help) does not load it.
 */
export function crc32(bytes: Uint8Array, value = 0): number {
  if (zlibCrc32 === undefined) {
    const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
    zlibCrc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
  }
  return zlibCrc32 ? zlibCrc32(bytes, value) : crc32js(bytes, value);
}

/** The JavaScript fallback, for tests to hold equal to zlib's. */
export const crc32InJs = crc32js;

/**
 * What some files hold, as a short string that changes when any byte does: each one's length and CRC-32. It
 * tells data edited since a build (an accident, not an adversary), without loading node:crypto for a SHA-1.
 */
export function fingerprint(contents: readonly Uint8Array[]): string {
  return contents.map((c) => `${c.length.toString(36)}.${crc32(c).toString(36)}`).join('-');
}
