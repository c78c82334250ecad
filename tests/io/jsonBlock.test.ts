import { describe, expect, it } from 'vitest';
import { readBlock, wordsAt, writeBlock } from '../../src/io/jsonBlock.js';

const value = { ids: ['a1', 'b2'], note: 'Petén, “niños” 😀' };
const arrays = { lengths: [3, 0, 4294967295], empty: [], 't:trafficking': [1, 2, 7] };

describe('a block of JSON and arrays of numbers', () => {
  it('reads back the value and every array, in order, and says where it ends', () => {
    const bytes = writeBlock(JSON.stringify(value), arrays);
    const block = readBlock(bytes, 0, bytes.length);
    expect(block.value).toEqual(value);
    expect(Object.keys(block.arrays)).toEqual(Object.keys(arrays));
    for (const [name, numbers] of Object.entries(arrays)) expect([...block.arrays[name]!]).toEqual(numbers);
    expect(block.end).toBe(bytes.length);
  });

  it('is read where it starts in a larger buffer, aligned or not, with what follows it left alone', () => {
    for (const before of ['', 'x', 'xy', 'xyz', 'wxyz']) {
      const bytes = Buffer.concat([Buffer.from(before), writeBlock('"v"', arrays), Buffer.from('rest')]);
      const block = readBlock(bytes, before.length, bytes.length);
      expect(block.value).toBe('v');
      expect([...block.arrays.lengths!]).toEqual(arrays.lengths);
      expect(bytes.subarray(block.end).toString()).toBe('rest');
    }
  });

  it('throws when its arrays run past the end, or its line is missing or not its own', () => {
    const bytes = writeBlock('1', { numbers: [1, 2, 3] });
    expect(() => readBlock(bytes, 0, bytes.length - 1)).toThrow(/damaged/);
    expect(() => readBlock(Buffer.from('no line at all'), 0, 14)).toThrow(/damaged/);
    const other = Buffer.from('{"value":1}\n');
    expect(() => readBlock(other, 0, other.length)).toThrow(/damaged/);
  });
});

describe('wordsAt', () => {
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  it('reads little-endian 32-bit words at any offset, as a view when aligned and a copy when not', () => {
    const values = [0, 1, 255, 256, 65_536, 0xdeadbeef, 0xffffffff];
    for (let offset = 0; offset < 8; offset++) {
      const bytes = Buffer.alloc(offset + values.length * 4);
      values.forEach((v, i) => {
        bytes.writeUInt32LE(v, offset + i * 4);
      });
      const words = wordsAt(bytes, offset, values.length);
      expect([...words]).toEqual(values);
      // a view shares the bytes: a change to them shows; a copy does not
      bytes.writeUInt32LE(7, offset);
      const view = littleEndian && (bytes.byteOffset + offset) % 4 === 0;
      expect(words[0]).toBe(view ? 7 : 0);
    }
  });
});
