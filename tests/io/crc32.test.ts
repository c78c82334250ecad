import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { crc32, crc32InJs } from '../../src/io/crc32.js';

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
