import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { renderJson, renderJsonl } from '../../src/render/renderJson.js';

describe('renderJson', () => {
  it('writes U+2028 and U+2029 as escapes, so that the JSON is also valid JavaScript', () => {
    const out = renderJson({ title: 'line\u2028and\u2029paragraph' });
    expect(out).not.toMatch(/[\u2028\u2029]/);
    expect(out).toContain('line\\u2028and\\u2029paragraph');
    expect(JSON.parse(out)).toEqual({ title: 'line\u2028and\u2029paragraph' });
  });

  it('pretty-prints with two spaces and ends with a newline; JSON Lines gives one compact line per value', () => {
    expect(renderJson([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]\n');
    expect(renderJsonl([{ a: 1 }, { b: '\u2029' }])).toBe('{"a":1}\n{"b":"\\u2029"}\n');
  });

  const text = fc.string({ unit: fc.constantFrom('a', 'é', '"', '\\', '\n', '\u2028', '\u2029', '😀') });
  const values = fc.oneof(fc.jsonValue(), fc.dictionary(text, fc.oneof(text, fc.array(text))));
  test.prop([values])('reads back as the value it was given, with no raw line or paragraph separator', (v) => {
    const out = renderJson(v);
    expect(out).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
  });
});
