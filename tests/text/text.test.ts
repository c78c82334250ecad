import { isStopWord, isWeakWord } from '../../src/text/stopWords.js';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normalizeText } from '../../src/text/normalizeText.js';
import { foldOffsets, foldText, foldWithMap } from '../../src/text/foldText.js';
import { eachWord, scanWords, splitAlnum, tokenize, tokenizeFolded, toWords } from '../../src/text/tokenize.js';
import { escapeForTerminal } from '../../src/text/escapeForTerminal.js';

describe('normalizeText', () => {
  it('makes NBSP plain, collapses runs of spaces and trims', () => {
    expect(normalizeText('Mexico City\u00A0-\u00A0 The  IOM ')).toBe('Mexico City - The IOM');
  });

  it('turns tabs and other Unicode spaces into one space', () => {
    expect(normalizeText('a\tb\u2003c\u202Fd\u3000e\u205Ff')).toBe('a b c d e f');
  });

  it('drops BOM, zero-width space and word joiner', () => {
    expect(normalizeText('\uFEFFTitle\u200B with\u2060 zero width')).toBe('Title with zero width');
  });

  it('keeps zero-width joiners and non-joiners, which change the text (regression: they were removed)', () => {
    expect(normalizeText('Nurse \u{1F469}\u200D\u2695\uFE0F on duty')).toBe(
      'Nurse \u{1F469}\u200D\u2695\uFE0F on duty',
    );
    expect(normalizeText('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toBe(
      '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645',
    );
  });

  it('composes to NFC', () => {
    expect(normalizeText('Pete\u0301n')).toBe('Pet\u00E9n');
    expect(normalizeText('Pete\u0301n')).toHaveLength(5);
  });

  it('keeps curly quotes, apostrophes and dashes as written', () => {
    const text = '“Before taking the first step” – it’s time — ‘now’';
    expect(normalizeText(text)).toBe(text);
  });

  it('gives the empty string for a line of spaces alone', () => {
    expect(normalizeText(' \u00A0\t\u3000\uFEFF ')).toBe('');
  });
});

describe('foldText', () => {
  it('removes accents, lowers case and unifies apostrophes', () => {
    expect(foldText('Petén’s CAFÉ')).toBe("peten's cafe");
    expect(foldText('Ñandú ÁÉÍÓÚ')).toBe('nandu aeiou');
    expect(foldText('it‘s it`s itʼs it′s')).toBe("it's it's it's it's");
  });

  it('folds the acute accent used as an apostrophe ("didn´t") to a plain apostrophe', () => {
    expect(foldText('didn´t')).toBe("didn't");
  });

  it('applies compatibility decomposition (ligatures, full-width letters)', () => {
    expect(foldText('ﬁne ＡＢＣ')).toBe('fine abc');
  });

  it('leaves curly double quotes alone', () => {
    expect(foldText('“A”')).toBe('“a”');
  });

  // the Unicode definition foldText keeps to, with the mark class it compiles only for text beyond Latin
  const reference = (text: string) =>
    text
      .replace(/[\u2018\u2019\u201B\u02BC\u00B4\u0060\u2032]/g, "'")
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();

  it('removes every mark, in Latin text and beyond it, as the Unicode mark class does', () => {
    // every character of the Basic Multilingual Plane, alone and after a letter
    const misses: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      if (foldText(ch) !== reference(ch) || foldText(`a${ch}`) !== reference(`a${ch}`)) misses.push(ch);
    }
    expect(misses).toEqual([]);
    expect(foldText('Ελλάδα Petén ক্ষ')).toBe(reference('Ελλάδα Petén ক্ষ'));
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 20 })])(
    'folds any text as the Unicode definition does',
    (text) => {
      expect(foldText(text)).toBe(reference(text));
    },
  );
});

describe('splitAlnum', () => {
  const reference = (text: string) => text.split(/[^\p{L}\p{N}]+/u);
  it('splits at what is neither a letter nor a digit', () => {
    expect(splitAlnum('human-trafficking, 2019')).toEqual(['human', 'trafficking', '2019']);
    expect(splitAlnum('“niños” — Petén')).toEqual(['', 'niños', 'Petén']);
    expect(splitAlnum('')).toEqual(['']);
  });
  it('gives what the Unicode split gives for every character of the Basic Multilingual Plane', () => {
    const misses: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      if (JSON.stringify(splitAlnum(text)) !== JSON.stringify(reference(text))) misses.push(text);
    }
    expect(misses).toEqual([]);
  });
  test.prop([fc.string({ unit: 'grapheme-ascii', maxLength: 30 })])('gives the Unicode split of ASCII text', (text) => {
    expect(splitAlnum(text)).toEqual(reference(text));
  });
  test.prop([fc.string({ unit: 'grapheme', maxLength: 30 })])('gives the Unicode split of any text', (text) => {
    expect(splitAlnum(text)).toEqual(reference(text));
  });
});

describe('foldWithMap', () => {
  it('maps every folded character to the index of the original character it came from', () => {
    expect(foldWithMap('Pete\u0301n')).toEqual({ folded: 'peten', map: [0, 1, 2, 3, 5, 6] });
    expect(foldWithMap('ﬁx')).toEqual({ folded: 'fix', map: [0, 0, 1, 2] });
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
    'folds each character as foldText does, and maps back to where it starts',
    (text) => {
      const { folded, map } = foldWithMap(text);
      const chars = [...text];
      expect(folded).toBe(chars.map((ch) => foldText(ch)).join(''));
      expect(map).toHaveLength(folded.length + 1);
      expect(map[map.length - 1]).toBe(text.length);
      let at = 0;
      const starts = new Set(chars.map((ch) => ((at += ch.length), at - ch.length)));
      for (let k = 0; k < folded.length; k++) {
        expect(starts.has(map[k]!)).toBe(true);
        if (k > 0) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
      }
    },
  );
});

/** Text like the pages': letters with and without accents, curly quotes, dashes, ligatures, marks, astral letters. */
const newsLike = fc.string({
  unit: fc.constantFrom(..."aZé É’‘“”—–-'`´ñÑçß.,ﬁ\u0301\u00a0\n9".split(''), '𝐀', '㈀', 'Ä', 'ǅ'),
  maxLength: 60,
});

/** The offset map worked out the plain way, code point by code point: each folded character → where it starts. */
function referenceMap(text: string): number[] {
  const map: number[] = [];
  let at = 0;
  for (const ch of text) {
    for (let k = 0; k < foldText(ch).length; k++) map.push(at);
    at += ch.length;
  }
  map.push(text.length);
  return map;
}

describe('foldOffsets', () => {
  test.prop([fc.oneof(newsLike, fc.string({ unit: 'binary', maxLength: 40 }))])(
    'gives the map worked out code point by code point, or none exactly when that map is every offset itself',
    (text) => {
      const expected = referenceMap(text);
      const { folded, map } = foldOffsets(text);
      expect(folded).toBe(foldWithMap(text).folded);
      const identity = expected.length === text.length + 1 && expected.every((at, k) => at === k);
      expect(map).toEqual(identity ? null : expected);
      expect(foldWithMap(text).map).toEqual(expected);
    },
  );

  it('makes no map for accents, curly quotes and dashes, one for a mark, a ligature or an astral letter', () => {
    expect(foldOffsets('Petén’s “café” — Año').map).toBeNull();
    expect(foldOffsets('Pete\u0301n').map).toEqual([0, 1, 2, 3, 5, 6]);
    expect(foldOffsets('aﬁ').map).toEqual([0, 1, 1, 2]);
    expect(foldOffsets('𝐀b').map).toEqual([0, 2, 3]);
  });
});

/** The character-by-character word scanner tokenize had before it used regular expressions: the reference. */
function referenceSpans(s: string): Array<[number, number]> {
  const wordCharAt = (i: number) => {
    if (i >= s.length) return 0;
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    return /[\p{L}\p{N}]/u.test(ch) ? ch.length : 0;
  };
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < s.length) {
    let k = wordCharAt(i);
    if (!k) {
      i++;
      continue;
    }
    const start = i;
    i += k;
    for (;;) {
      while (i < s.length && (k = wordCharAt(i))) i += k;
      if ((s[i] === "'" || s[i] === '-') && wordCharAt(i + 1)) {
        i++;
        continue;
      }
      break;
    }
    out.push([start, i]);
  }
  return out;
}

describe('scanWords', () => {
  const spans = (s: string) => {
    const out: Array<[number, number]> = [];
    scanWords(s, (a, b) => out.push([a, b]));
    return out;
  };
  it('finds words with inner apostrophes and hyphens, in ASCII text and not', () => {
    expect(spans("don't--stop anti-trafficking")).toEqual([
      [0, 5],
      [7, 11],
      [12, 28],
    ]);
    expect(spans('niños—“Petén”')).toEqual([
      [0, 5],
      [7, 12],
    ]);
  });
  const piece = fc.constantFrom(
    'a',
    'Z',
    '9',
    'é',
    'ß',
    'ǅ',
    '𝒜',
    '٣',
    "'",
    '-',
    ' ',
    '—',
    '“',
    '.',
    '\u0301',
    '\ud800',
    '_',
    '`',
    '\u00a0',
    '\u00ad',
    '«',
    '¿',
    '°',
    'ª',
    'º',
    'µ',
    '²',
    '½',
    '€',
    '…',
    '\u2070',
    '\u2071',
  );
  test.prop([fc.array(piece, { maxLength: 30 }).map((p) => p.join(''))])(
    'finds the words the character-by-character reference finds',
    (text) => {
      expect(spans(text)).toEqual(referenceSpans(text));
    },
  );
});

describe('tokenize', () => {
  it('splits hyphenated words into parts plus the joined form and drops a possessive', () => {
    expect(tokenize('Anti-Trafficking People’s COVID-19')).toEqual([
      'anti',
      'trafficking',
      'antitrafficking',
      'people',
      'covid',
      '19',
      'covid19',
    ]);
  });

  it('leaves the joined form out when asked', () => {
    expect(tokenize('covid-19 cases', false)).toEqual(['covid', '19', 'cases']);
  });

  it('gives offsets into the folded text', () => {
    expect(tokenizeFolded("anti-trafficking people's covid-19")).toEqual([
      { term: 'anti', start: 0, end: 4 },
      { term: 'trafficking', start: 5, end: 16 },
      { term: 'antitrafficking', start: 0, end: 16 },
      { term: 'people', start: 17, end: 25 },
      { term: 'covid', start: 26, end: 31 },
      { term: '19', start: 32, end: 34 },
      { term: 'covid19', start: 26, end: 34 },
    ]);
  });

  it('removes inner apostrophes and ignores punctuation', () => {
    expect(tokenize("don't — “stop”!")).toEqual(['dont', 'stop']);
  });
});

describe('toWords', () => {
  it('gives folded terms with their spelling and offsets in the original text', () => {
    expect(toWords('Petén, COVID-19')).toEqual([
      { term: 'peten', raw: 'Petén', start: 0, end: 5 },
      { term: 'covid', raw: 'COVID', start: 7, end: 12 },
      { term: '19', raw: '19', start: 13, end: 15 },
    ]);
  });

  it('keeps offsets right across combining marks, ligatures and astral characters', () => {
    expect(toWords('Pete\u0301n ﬁne 𝐀bc')).toEqual([
      { term: 'peten', raw: 'Pete\u0301n', start: 0, end: 6 },
      { term: 'fine', raw: 'ﬁne', start: 7, end: 10 },
      { term: 'abc', raw: '𝐀bc', start: 11, end: 15 },
    ]);
  });

  it('counts the bounds of a hyphenated word\'s parts on the word as written, apostrophes included (regression: "smith" of "o\'neil-smith" was put at 6)', () => {
    expect(toWords("o'neil-smith people’s-trafficking")).toEqual([
      { term: 'oneil', raw: "o'neil", start: 0, end: 6 },
      { term: 'smith', raw: 'smith', start: 7, end: 12 },
      { term: 'peoples', raw: 'people’s', start: 13, end: 21 },
      { term: 'trafficking', raw: 'trafficking', start: 22, end: 33 },
    ]);
    expect(tokenizeFolded("o'neil-smith").map((t) => [t.term, t.start, t.end])).toEqual([
      ['oneil', 0, 6],
      ['smith', 7, 12],
      ['oneilsmith', 0, 12],
    ]);
  });

  it('keeps a word whose one character folds to several with brackets around it (regression: "㈀" gave an empty word)', () => {
    expect(toWords('㈀')).toEqual([{ term: 'ᄀ', raw: '㈀', start: 0, end: 1 }]);
  });

  test.prop([fc.oneof(newsLike, fc.string({ unit: 'binary', maxLength: 40 }))])(
    'gives the folded words mapped back through the offset map worked out code point by code point',
    (text) => {
      const folded = foldWithMap(text).folded;
      const map = referenceMap(text);
      const expected = tokenizeFolded(folded, false).map((t) => {
        let j = t.end;
        while (map[j]! <= map[t.end - 1]!) j++;
        return { term: t.term, raw: text.slice(map[t.start]!, map[j]!), start: map[t.start]!, end: map[j]! };
      });
      expect(toWords(text)).toEqual(expected);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
    'every word’s raw text is the slice of the original at its offsets',
    (text) => {
      for (const w of toWords(text)) {
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeGreaterThan(w.start);
        expect(w.end).toBeLessThanOrEqual(text.length);
        expect(w.raw).toBe(text.slice(w.start, w.end));
      }
    },
  );
});

describe('eachWord', () => {
  it('visits each word as its folded term and its bounds in the original text, in reading order', () => {
    const seen: Array<[string, number, number]> = [];
    eachWord('Anti-trafficking in Pete\u0301n ㈀', (term, start, end) => seen.push([term, start, end]));
    expect(seen).toEqual([
      ['anti', 0, 4],
      ['trafficking', 5, 16],
      ['in', 17, 19],
      ['peten', 20, 26],
      ['ᄀ', 27, 28],
    ]);
  });
});

describe('escapeForTerminal', () => {
  it.each([
    ['ESC in an SGR colour (CSI)', 'red \x1b[31mtext', 'red \\x1b[31mtext'],
    ['BEL', 'ring\x07', 'ring\\x07'],
    ['CSI that clears the screen', '\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    [
      'an OSC 8 hyperlink',
      '\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\',
      '\\x1b]8;;http://evil.example\\x1b\\click\\x1b]8;;\\x1b\\',
    ],
    ['an OSC 52 clipboard write', '\x1b]52;c;SGVsbG8=\x07', '\\x1b]52;c;SGVsbG8=\\x07'],
    ['the C1 CSI 0x9b', '\u009b31mred', '\\x9b31mred'],
    ['a bidi override U+202E', 'abc\u202Efed', 'abc\\u202efed'],
    ['bidi isolates U+2066–U+2069', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['the line separator U+2028', 'a\u2028b', 'a\\u2028b'],
    ['the paragraph separator U+2029', 'a\u2029b', 'a\\u2029b'],
    ['CR, NUL, DEL and tab', 'a\rb\0c\x7fd\te', 'a\\x0db\\x00c\\x7fd\\x09e'],
    ['a newline by default', 'a\nb', 'a\\x0ab'],
  ])('shows %s as visible escapes', (_what, input, output) => {
    expect(escapeForTerminal(input)).toBe(output);
  });

  it('keeps newlines when asked, but still escapes the other controls', () => {
    expect(escapeForTerminal('a\nb\x1b[0m\r', true)).toBe('a\nb\\x1b[0m\\x0d');
  });

  it('leaves accents, curly quotes, dashes and emoji untouched', () => {
    const text = 'Petén “quoted” it’s – — ‘x’ San José ñ 😀 中文';
    expect(escapeForTerminal(text)).toBe(text);
  });

  const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
  const risky = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(
        fc.oneof(
          fc.integer({ min: 0, max: 0x9f }),
          fc.constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029, 0xe9),
        ),
        { maxLength: 30 },
      )
      .map((codes) => String.fromCodePoint(...codes)),
  );

  test.prop([risky])('never outputs a C0/C1 control character or a bidi control', (text) => {
    expect(escapeForTerminal(text)).not.toMatch(FORBIDDEN);
  });

  test.prop([risky])('with keepNewlines, outputs no control character but newline', (text) => {
    expect(escapeForTerminal(text, true).replace(/\n/g, '')).not.toMatch(FORBIDDEN);
  });

  test.prop([fc.string({ unit: 'binary' })])('changes nothing in a text with no controls', (text) => {
    const clean = text.replace(new RegExp(FORBIDDEN.source, 'gu'), '');
    expect(escapeForTerminal(clean)).toBe(clean);
  });
});

describe('isStopWord', () => {
  it('leaves out words that carry no meaning in English or Spanish', () => {
    for (const w of ['what', 'did', 'the', 'de', 'los', 'tras']) expect(isStopWord(w), w).toBe(true);
  });
  // Regression: "sea" (a Spanish form of ser) and "estado" (a form of estar) were stop words, so "migrants lost at
  // sea" and "Estado de México" lost a content word in English or Spanish.
  it('keeps words that are content words in the other language, or in place names', () => {
    for (const w of ['sea', 'estado', 'trafficking', 'trata']) expect(isStopWord(w), w).toBe(false);
  });
});

describe('isWeakWord', () => {
  it('takes the generic words of a question and of a request, not its subjects', () => {
    for (const w of ['help', 'apoyo', 'people', 'personas', 'number', 'information', 'need', 'looking'])
      expect(isWeakWord(w), w).toBe(true);
    for (const w of ['deportations', 'census', 'farmworkers', 'indigenous', 'trata'])
      expect(isWeakWord(w), w).toBe(false);
  });
});
