import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parsePage } from '../../src/parse/parsePage.js';
import { normalizeText } from '../../src/text/normalizeText.js';

/** The page's lines as the parser is documented to see them: a leading BOM dropped, CRLF, CR and LF all ending a line. */
const pageLines = (text: string): string[] => (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);

/** 1-based numbers of the lines that are not blank once normalised. */
const nonBlank = (text: string): number[] =>
  pageLines(text)
    .map((line, i) => (normalizeText(line) === '' ? 0 : i + 1))
    .filter((n) => n > 0);

/** Checks that every non-blank line is in exactly one item or one diagnostic (a doubt aside), and nowhere else. */
function checkAccounting(text: string): void {
  const page = parsePage(text, 'gen.txt');
  // a doubt is about a line placed in an item; every other diagnostic is about a line left out
  const leftOut = page.diagnostics.filter((d) => d.level !== 'doubt');
  const used = [...page.items.flatMap((i) => i.lines), ...leftOut.map((d) => d.line)];
  const inItems = new Set(page.items.flatMap((i) => i.lines));
  for (const d of page.diagnostics) if (d.level === 'doubt') expect(inItems.has(d.line)).toBe(true);
  const expected = nonBlank(text);
  expect(new Set(used).size).toBe(used.length); // no line in two places
  expect([...used].sort((a, b) => a - b)).toEqual(expected);
  expect(page.nonBlankLines).toBe(expected.length);
  for (const item of page.items) {
    expect(item.lines).toContain(item.source.line);
    expect(item.title).not.toBe('');
  }
  expect(page.layout === 'empty').toBe(page.items.length === 0);
}

const dateLine = fc.constantFrom(
  '4 December, 2017',
  '5 Enero, 2018',
  '5 de enero de 2018',
  '17 / 08 / 2021',
  '2021-08-17',
  'December 4, 2017',
  '31 June, 2018',
  '29 February, 2019',
  '  4 December, 2017\u00A0',
);
const bullet = fc.oneof(
  fc.constantFrom('- a point', '• another point.', '* star point', '-', '- ', '– dash point'),
  fc.string({ maxLength: 20 }).map((s) => `- ${s}`),
);
const title = fc.constantFrom(
  'A title',
  'IOM trains staff in Chiapas',
  '“Quoted” title: with a colon',
  'lower-case line that may wrap',
  'A finished sentence.',
  'Title ending with a quote”',
);
const blank = fc.constantFrom('', ' ', '\u00A0', '\t', '\u200B', '\u3000 ');
const punctuation = fc.constantFrom('* * *', '...', '—', '¡!', '()');
const randomText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
/** one line with no line break in it */
const noBreaks = (s: string) => s.replace(/[\r\n]/g, ' ');
const line = fc.oneof(dateLine, bullet, title, blank, punctuation, randomText).map(noBreaks);
const page = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('parsePage (properties)', () => {
  test.prop([fc.string()])('never throws on an arbitrary string and accounts for every non-blank line', (text) => {
    checkAccounting(text);
  });

  test.prop([fc.string({ unit: 'binary' })])(
    'never throws on arbitrary full-Unicode text and accounts for every non-blank line',
    (text) => {
      checkAccounting(text);
    },
  );

  test.prop([
    fc
      .array(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('\r', '\n', '\r\n', '\uFEFF', '\u2028')),
        { maxLength: 30 },
      )
      .map((a) => a.join('')),
  ])('accounts for every non-blank line whatever mix of line endings a text has', (text) => {
    checkAccounting(text);
  });

  test.prop([page], { numRuns: 300 })(
    'accounts for every non-blank line of a page built from dates, bullets, titles and blank lines',
    (text) => {
      checkAccounting(text);
    },
  );

  test.prop([page], { numRuns: 200 })('reads CRLF, lone-CR and BOM variants of a page the same', (text) => {
    const shape = (t: string) =>
      parsePage(t, 'gen.txt').items.map((i) => ({
        title: i.title,
        date: i.date,
        summary: i.summary,
        line: i.source.line,
      }));
    const base = shape(text);
    expect(shape(text.replace(/\n/g, '\r\n'))).toEqual(base);
    expect(shape(text.replace(/\n/g, '\r'))).toEqual(base);
    expect(shape(`\uFEFF${text}`)).toEqual(base);
    expect(shape(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(base);
  });

  test.prop([page])('gives the same diagnostics lines for CRLF and LF', (text) => {
    const lines = (t: string) => parsePage(t, 'gen.txt').diagnostics.map((d) => `${d.line}:${d.message}`);
    expect(lines(text.replace(/\n/g, '\r\n'))).toEqual(lines(text));
  });
});
