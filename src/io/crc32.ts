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

type Crc32 = (bytes: Uint8Array, value?: number) => number;

let nativeCrc32: Crc32 | null | undefined;

/**
 * zlib's CRC-32 from Node's own zlib binding (`process.binding('zlib').crc32`, what `zlib.crc32` calls after
 * checking its arguments), where Node has it: loading node:zlib itself brings the stream modules, about 3 ms
 * and 120 page faults of a 60 ms warm search. process.binding is deprecated (DEP0111) but only in its
 * documentation, and warns only under --pending-deprecation, when it is not used here; nor is it where it is
 * missing, throws, or lacks crc32 (a Node that drops it): node:zlib's crc32 is used then, else JavaScript.
 */
function bindingCrc32(): Crc32 | null {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const { binding } = process as unknown as { binding?: (name: string) => { crc32?: unknown } };
  if (typeof binding !== 'function' || flags.includes('deprecation')) return null;
  try {
    const crc = binding.call(process, 'zlib').crc32;
    return typeof crc === 'function' ? (bytes, value = 0) => crc(bytes, value) as number : null;
  } catch {
    return null;
  }
}

/** The CRC-32 Node has (its zlib binding's, else node:zlib's), or null before Node 20.15. */
function nodeCrc32(): Crc32 | null {
  const binding = bindingCrc32();
  if (binding) return binding;
  const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  return typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
}

/**
 * CRC-32 of some bytes, as an unsigned number, going on from `value` (the CRC-32 of the bytes before them): to
 * tell a damaged cache file. zlib's where Node has it (a few milliseconds for 14 MB, where SHA-1 takes about
 * 26), else the same sum in JavaScript. Looked up on the first call, not with this module: a run that checks
 * nothing (--version, help) does not.
 */
export function crc32(bytes: Uint8Array, value = 0): number {
  if (nativeCrc32 === undefined) nativeCrc32 = nodeCrc32();
  return nativeCrc32 ? nativeCrc32(bytes, value) : crc32js(bytes, value);
}

/** The JavaScript fallback, for tests to hold equal to zlib's. */
export const crc32InJs = crc32js;

/** The binding's CRC-32 (null where it is not used), for tests to hold equal to node:zlib's. */
export const crc32OfBinding = bindingCrc32;

/**
 * What some files hold, as a short string that changes when any byte does: each one's length and CRC-32. It
 * tells data edited since a build (an accident, not an adversary), without loading node:crypto for a SHA-1.
 */
export function fingerprint(contents: readonly Uint8Array[]): string {
  return contents.map((c) => `${c.length.toString(36)}.${crc32(c).toString(36)}`).join('-');
}
