import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, crc32InJs, crc32OfBinding, fingerprint } from '../../src/io/crc32.js';

describe('crc32', () => {
  it('is the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32InJs(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })])(
    'the JavaScript fallback equals the one in use, whole and continued from a first part',
    (a, b) => {
      const whole = Buffer.concat([a, b]);
      expect(crc32InJs(whole)).toBe(crc32(whole));
      expect(crc32InJs(b, crc32InJs(a))).toBe(crc32(whole));
      expect(crc32(b, crc32(a))).toBe(crc32(whole));
    },
  );
});

describe("Node's zlib binding", () => {
  const binding = crc32OfBinding();
  it.runIf(typeof zlibCrc32 === 'function')('is used where Node has it (20.15 and later)', () => {
    expect(binding).not.toBeNull();
  });

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })])(
    "gives node:zlib's CRC-32, whole and continued, for any bytes and views into a larger buffer",
    (a, b) => {
      if (!binding) return;
      const whole = Buffer.concat([Buffer.from([7, 7]), a, b, Buffer.from([9])]);
      const view = whole.subarray(2, 2 + a.length + b.length);
      expect(binding(view)).toBe(zlibCrc32(view));
      expect(binding(view.subarray(a.length), binding(view.subarray(0, a.length)))).toBe(zlibCrc32(view));
    },
  );
});

describe('fingerprint', () => {
  test.prop([fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 })])(
    'changes when any byte of a file changes, or a byte is cut off, and is the same for the same bytes',
    (bytes, at, flip) => {
      const changed = Buffer.from(bytes);
      changed[at % changed.length]! ^= flip;
      const other = Buffer.from('{"groups": []}');
      expect(fingerprint([bytes, other])).toBe(fingerprint([Buffer.from(bytes), Buffer.from(other)]));
      expect(fingerprint([changed, other])).not.toBe(fingerprint([bytes, other]));
      expect(fingerprint([bytes.subarray(1), other])).not.toBe(fingerprint([bytes, other]));
    },
  );

  it('tells which file holds which bytes', () => {
    const [a, b] = [Buffer.from('countries'), Buffer.from('topics')];
    expect(fingerprint([a, b])).not.toBe(fingerprint([b, a]));
  });
});
