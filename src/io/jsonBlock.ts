import { isAscii } from 'node:buffer';

/**
 * A JSON value and named arrays of numbers below 2^32, as one block of bytes: a line of JSON,
 * `{"arrays":{"ends":3,…},"value":…}` padded with spaces so that the arrays start at a multiple of 4 bytes from
 * the block's start, then each array's numbers as little-endian 32-bit words, one array after another, in the
 * order the line lists them.
 *
 * The cache keeps its numbers so (per item, per term, per document, per tag), rather than as JSON arrays or as
 * base64 in JSON strings: read back, an array is a view of the bytes read (a copy when they are not aligned, or
 * on a big-endian machine), never a string to parse or decode, nor objects for the garbage collector to copy
 * (see docs/architecture.md, "The cache").
 */
export function writeBlock(json: string, arrays: Record<string, ArrayLike<number>>): Buffer {
  const names = Object.keys(arrays);
  const counts = Object.fromEntries(names.map((name) => [name, arrays[name]!.length]));
  const line = Buffer.from(`{"arrays":${JSON.stringify(counts)},"value":${json}}`);
  const padded = line.length + 1 + ((4 - ((line.length + 1) % 4)) % 4);
  const words = names.reduce((n, name) => n + arrays[name]!.length, 0);
  const out = Buffer.alloc(padded + words * 4, 0x20);
  line.copy(out);
  out[padded - 1] = 10;
  let at = padded;
  for (const name of names) {
    const values = arrays[name]!;
    for (let i = 0; i < values.length; i++, at += 4) out.writeUInt32LE(values[i]!, at);
  }
  return out;
}

/** A block {@link writeBlock} wrote: its value, its arrays, and where it ends. */
export interface Block {
  value: unknown;
  arrays: Record<string, Uint32Array>;
  end: number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `count` little-endian 32-bit words of `bytes` from `at`: a view of the bytes, or a copy when they are not
 * aligned to 4 bytes (or on a big-endian machine). The caller checks that they lie within `bytes`.
 */
export function wordsAt(bytes: Uint8Array, at: number, count: number): Uint32Array {
  const offset = bytes.byteOffset + at;
  if (littleEndian && offset % 4 === 0) return new Uint32Array(bytes.buffer, offset, count);
  const view = new DataView(bytes.buffer, offset, count * 4);
  const copy = new Uint32Array(count);
  for (let i = 0; i < count; i++) copy[i] = view.getUint32(i * 4, true);
  return copy;
}

/**
 * Reads the block that starts at `bytes[start]` and ends at or before `end`. Throws when its line is missing or
 * not such a line, or its arrays run past `end`.
 */
export function readBlock(bytes: Buffer, start: number, end: number): Block {
  const damaged = () => new Error('a block of the cache is damaged');
  const nl = bytes.indexOf(10, start);
  if (nl < 0 || nl >= end || (nl + 1 - start) % 4 !== 0) throw damaged();
  const line = bytes.subarray(start, nl);
  const parsed = JSON.parse(isAscii(line) ? line.toString('latin1') : line.toString('utf8')) as {
    arrays?: Record<string, unknown>;
    value?: unknown;
  };
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.arrays !== 'object' || !parsed.arrays)
    throw damaged();
  const arrays: Record<string, Uint32Array> = {};
  let at = nl + 1;
  for (const [name, count] of Object.entries(parsed.arrays)) {
    if (!Number.isSafeInteger(count) || (count as number) < 0 || at + (count as number) * 4 > end) throw damaged();
    const n = count as number;
    arrays[name] = wordsAt(bytes, at, n);
    at += n * 4;
  }
  return { value: parsed.value, arrays, end: at };
}
