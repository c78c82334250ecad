import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { cutText, splitGraphemes, textWidth, wrapText } from '../../src/render/fitText.js';
import { renderTable, highlight } from '../../src/render/renderTable.js';
import { makeStyle } from '../../src/render/makeStyle.js';
import { makeItem } from '../helpers/makeItem.js';

const EMOJI_TITLE = '👩‍👩‍👧 Families 🇲🇽🇬🇹 cross 👍🏽 the border 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 at Tecún Umán';
/** Whether every grapheme of `part` is a whole grapheme of `whole` (no emoji split in two). */
const wholeGraphemes = (part: string, whole: string) => {
  const known = new Set(splitGraphemes(whole));
  return splitGraphemes(part.replace(/…$/, '')).every((g) => known.has(g) || g === ' ');
};

describe('cutText', () => {
  it('cuts on grapheme boundaries, never inside an emoji, and ends with …', () => {
    for (let w = 2; w < 40; w++) {
      const cut = cutText(EMOJI_TITLE, w);
      expect(cut.endsWith('…')).toBe(true);
      expect(textWidth(cut)).toBeLessThanOrEqual(w);
      expect(wholeGraphemes(cut, EMOJI_TITLE)).toBe(true);
      expect(Buffer.from(cut, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
  });

  it('leaves a text that fits as it is', () => {
    expect(cutText('Migrants in Chiapas', 19)).toBe('Migrants in Chiapas');
  });

  test.prop([fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 60 })])(
    'gives at most the width, in whole graphemes, for any text',
    (text, width) => {
      const cut = cutText(text, width);
      expect(textWidth(cut)).toBeLessThanOrEqual(Math.max(width, 1));
      expect(wholeGraphemes(cut, text)).toBe(true);
    },
  );
});

describe('wrapText', () => {
  test.prop([fc.string({ unit: 'grapheme' }), fc.integer({ min: 2, max: 60 })])(
    'gives lines no wider than the width (but for a lone grapheme wider than it), and loses no grapheme but the spaces it breaks at',
    (text, width) => {
      const lines = wrapText(text.replace(/\n/g, ' '), width);
      // a line may only be wider when it is one grapheme wider than the whole line, which cannot be split
      for (const l of lines) if (splitGraphemes(l).length > 1) expect(textWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/[\n ]/g, ''));
    },
  );
});

describe('tables on narrow terminals', () => {
  const items = [
    makeItem('2019-03-01', { title: EMOJI_TITLE, countries: ['Mexico', 'Guatemala', 'Belize'] }),
    makeItem(null, { title: 'A plain title about labour migration in Costa Rica and Panama' }),
  ];
  for (const width of [20, 40, 60, 80]) {
    it(`fits ${width} columns, and keeps every emoji whole`, () => {
      const style = makeStyle({ isTTY: true, columns: width, env: { NO_COLOR: '1' } });
      const out = renderTable(items, style);
      for (const line of out.trimEnd().split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(width);
      expect(out).not.toContain('\uFFFD');
      for (const g of splitGraphemes(EMOJI_TITLE).filter((x) => textWidth(x) === 2))
        expect(out.replace(/[\s|]/g, '')).toContain(g);
    });
  }

  it('cuts a search snippet before an emoji rather than through it', () => {
    const style = makeStyle({ isTTY: false, columns: 80, env: {} });
    const text = `${'a'.repeat(9)}😀 and more words after`;
    for (let w = 5; w < 20; w++) {
      const out = highlight({ field: 'summary', text, highlights: [[0, 3]] }, style, w);
      expect(Buffer.from(out, 'utf8').toString('utf8')).not.toContain('\uFFFD');
      expect(out.includes('\uD83D') && !out.includes('😀')).toBe(false);
    }
  });
});
