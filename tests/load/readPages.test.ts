import { isUtf8 } from 'node:buffer';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parsePage } from '../../src/parse/parsePage.js';
import { childPath, decodePage, firstInvalidUtf8, listPages, readPages } from '../../src/load/readPages.js';
import type { Diagnostic } from '../../src/types.js';

const PAGE = 'Undated title\nUndated summary.\n\n4 December, 2017\n\nA dated title\n\nIts summary.\n';
const shape = (text: string) =>
  parsePage(text, 'p.txt').items.map((i) => ({
    title: i.title,
    date: i.date,
    summary: i.summary,
    line: i.source.line,
  }));

let dir: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meso-read-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'meso-outside-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const put = (rel: string, content: string | Uint8Array) => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
};

describe('readPages', () => {
  it('reads folders recursively in a stable code-point order, .txt files only, with forward-slash names', () => {
    put('b.txt', 'B page\nText.\n');
    put('a/z.txt', 'Z page\nText.\n');
    put('a/b.txt', 'AB page\nText.\n');
    put('B.txt', 'Upper B page\nText.\n');
    put('c.TXT', 'C page\nText.\n');
    put('notes.md', 'Not a page\nText.\n');
    put('a/deeper/d.txt', 'D page\nText.\n');
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => p.file)).toEqual(['B.txt', 'a/b.txt', 'a/deeper/d.txt', 'a/z.txt', 'b.txt', 'c.TXT']);
    expect(pages[0]!.text).toBe('Upper B page\nText.\n');
    expect(pages[0]!.absolute).toBe(path.join(dir, 'B.txt'));
    expect(pages[0]!.size).toBe(19);
    expect(diagnostics).toEqual([]);
  });

  it('keeps a name that holds U+FFFD itself (valid UTF-8, listed again as bytes) as it is, beside the others', () => {
    put('r\ufffdsum\u00e9.txt', 'Replacement page\nText.\n');
    put('a.txt', 'A page\nText.\n');
    put('sub/b\ufffd.txt', 'B page\nText.\n');
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => [p.file, p.text.split('\n')[0]])).toEqual([
      ['a.txt', 'A page'],
      ['r\ufffdsum\u00e9.txt', 'Replacement page'],
      ['sub/b\ufffd.txt', 'B page'],
    ]);
    expect(pages[1]!.absolute).toBe(path.join(dir, 'r\ufffdsum\u00e9.txt'));
    expect(diagnostics).toEqual([]);
  });

  it('takes a file path as given, named by its base name', () => {
    const abs = put('sub/one.txt', PAGE);
    const { pages } = readPages([abs]);
    expect(pages.map((p) => p.file)).toEqual(['one.txt']);
    expect(pages[0]!.text).toBe(PAGE);
  });

  it('gives the same items for a BOM + CRLF page as for the clean page', () => {
    put('clean.txt', PAGE);
    put('bom-crlf.txt', `\uFEFF${PAGE.replace(/\n/g, '\r\n')}`);
    put('bom-cr.txt', `\uFEFF${PAGE.replace(/\n/g, '\r')}`);
    const { pages, diagnostics } = readPages([dir]);
    expect(diagnostics).toEqual([]);
    const byName = Object.fromEntries(pages.map((p) => [p.file, shape(p.text)]));
    expect(byName['clean.txt']).toEqual([
      { title: 'Undated title', date: null, summary: 'Undated summary.', line: 1 },
      { title: 'A dated title', date: '2017-12-04', summary: 'Its summary.', line: 6 },
    ]);
    expect(byName['bom-crlf.txt']).toEqual(byName['clean.txt']);
    expect(byName['bom-cr.txt']).toEqual(byName['clean.txt']);
  });

  it('reports invalid UTF-8 with its byte offset and still reads the page', () => {
    // "Title one\n" is 10 bytes, "Summary " 8 more: the bad byte 0xFF is at offset 18
    put('bad.txt', Buffer.concat([Buffer.from('Title one\nSummary '), Buffer.from([0xff]), Buffer.from(' here.\n')]));
    const { pages, diagnostics } = readPages([dir]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.file).toBe('bad.txt');
    expect(diagnostics[0]!.line).toBe(0);
    expect(diagnostics[0]!.message).toMatch(/invalid UTF-8 at byte 18\b/);
    expect(pages).toHaveLength(1);
    expect(shape(pages[0]!.text)).toEqual([
      { title: 'Title one', date: null, summary: 'Summary \uFFFD here.', line: 1 },
    ]);
  });

  it('skips a NUL-byte file, an empty file and a blank-only file with one diagnostic each', () => {
    put('good.txt', PAGE);
    put('binary.txt', Buffer.from('Title\0with NUL\n'));
    put('empty.txt', '');
    put('blank.txt', '  \n\n\t\r\n\u00A0\n');
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => p.file)).toEqual(['good.txt']);
    const byFile = (f: string) => diagnostics.filter((d) => d.file === f);
    expect(diagnostics).toHaveLength(3);
    expect(byFile('binary.txt')).toHaveLength(1);
    expect(byFile('binary.txt')[0]!.message).toMatch(/NUL/);
    expect(byFile('empty.txt')).toHaveLength(1);
    expect(byFile('empty.txt')[0]!.message).toMatch(/empty/);
    expect(byFile('blank.txt')).toHaveLength(1);
    expect(byFile('blank.txt')[0]!.message).toMatch(/blank/);
    expect(diagnostics.every((d) => d.line === 0)).toBe(true);
  });

  it('skips a file over maxBytes with a diagnostic naming its size and the limit', () => {
    put('small.txt', 'T\nS.\n'); // 5 bytes
    put('big.txt', 'A title\nA summary that is long.\n'); // 32 bytes
    const { pages, diagnostics } = readPages([dir], { maxBytes: 10 });
    expect(pages.map((p) => p.file)).toEqual(['small.txt']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.file).toBe('big.txt');
    expect(diagnostics[0]!.message).toContain('32 bytes');
    expect(diagnostics[0]!.message).toContain('10-byte');
  });

  it('reads a file of exactly maxBytes', () => {
    put('exact.txt', 'T\nS.\n');
    expect(readPages([dir], { maxBytes: 5 }).pages.map((p) => p.file)).toEqual(['exact.txt']);
  });

  it('reports a folder symlink loop and a self-referencing symlink, and does not hang', () => {
    put('page.txt', PAGE);
    symlinkSync(dir, path.join(dir, 'loop'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('self.txt', path.join(dir, 'self.txt'));
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => p.file)).toEqual(['page.txt']);
    const files = diagnostics.map((d) => d.file).sort();
    expect(files).toEqual(['loop', 'self.txt', 'sub/up']);
    expect(diagnostics.every((d) => /loop/.test(d.message))).toBe(true);
  });

  it('reports a symlink that leaves the data folder and does not follow it', () => {
    put('page.txt', PAGE);
    writeFileSync(path.join(outside, 'secret.txt'), 'Outside title\nOutside summary.\n');
    symlinkSync(outside, path.join(dir, 'out-dir'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'out-file.txt'));
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => p.file)).toEqual(['page.txt']);
    expect(diagnostics.map((d) => d.file)).toEqual(['out-dir', 'out-file.txt']);
    expect(diagnostics.every((d) => /outside the data folder/.test(d.message))).toBe(true);
  });

  it('follows a symlink that stays inside the data folder', () => {
    put('real/page.txt', PAGE);
    symlinkSync(path.join(dir, 'real', 'page.txt'), path.join(dir, 'alias.txt'));
    const { pages, diagnostics } = readPages([dir]);
    expect(pages.map((p) => p.file)).toEqual(['alias.txt', 'real/page.txt']);
    expect(diagnostics).toEqual([]);
  });

  it('reports a broken symlink', () => {
    put('page.txt', PAGE);
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
    const { diagnostics } = readPages([dir]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.file).toBe('broken.txt');
    expect(diagnostics[0]!.message).toMatch(/broken symlink/);
  });

  it('throws UsageError naming a path that does not exist', () => {
    const missing = path.join(dir, 'no such folder');
    expect(() => readPages([missing])).toThrow(UsageError);
    expect(() => readPages([missing])).toThrow(missing);
  });

  it('throws UsageError naming a folder with no .txt pages', () => {
    put('notes.md', 'Not a page\n');
    put('sub/data.json', '{}');
    expect(() => readPages([dir])).toThrow(UsageError);
    expect(() => readPages([dir])).toThrow(`data path ${dir} holds no .txt pages`);
  });

  it('throws UsageError when every page was skipped', () => {
    put('empty.txt', '');
    expect(() => readPages([dir])).toThrow(UsageError);
    expect(() => readPages([dir])).toThrow(/no readable pages/);
    expect(listPages([dir]).files.map((f) => f.file)).toEqual(['empty.txt']);
  });

  it('escapes control characters of a path in its message', () => {
    const missing = path.join(dir, 'bad\x1b[31mname');
    expect(() => readPages([missing])).toThrow('bad\\x1b[31mname');
  });
});

describe('firstInvalidUtf8', () => {
  it.each<[string, number[], number]>([
    ['valid ASCII, 2-, 3- and 4-byte text', [...Buffer.from('aé€😀')], -1],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['0xFF', [0x41, 0x42, 0xff], 2],
    ['an overlong 2-byte form (0xC0 0x80)', [0xc0, 0x80], 0],
    ['an overlong 3-byte form (0xE0 0x80 0x80)', [0x41, 0xe0, 0x80, 0x80], 1],
    ['a UTF-16 surrogate (0xED 0xA0 0x80)', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a code point over U+10FFFF (0xF4 0x90 …)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x41, 0xe2, 0x82], 1],
    ['a lead byte followed by ASCII', [0xc3, 0x28], 0],
  ])('finds %s at the right offset', (_what, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it('agrees with node:buffer isUtf8 (which tells a listed name valid) on any bytes', () => {
    // bytes near the lead and continuation bytes' edges, where the two could disagree
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
        const buf = Uint8Array.from(bytes);
        expect(isUtf8(buf)).toBe(firstInvalidUtf8(buf) < 0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('childPath', () => {
  it('is path.join of a normal folder and a listed name, the file system root included', () => {
    const roots = [path.resolve('/'), path.resolve('/srv/data'), path.resolve('/srv/data/2019 pages')];
    for (const dir of roots)
      for (const name of ['page.txt', 'página 1.txt', '..x', '.hidden', 'a b', 'x\\y'])
        expect([dir, name, childPath(dir, name)]).toEqual([dir, name, path.join(dir, name)]);
  });

  it('is path.win32.join on Windows folders: a drive, a drive root, a UNC share', () => {
    for (const dir of ['C:\\data\\pages', 'C:\\', '\\\\server\\share\\', '\\\\server\\share\\pages'])
      for (const name of ['page.txt', 'página 1.txt', '..x'])
        expect([dir, name, childPath(dir, name, '\\')]).toEqual([dir, name, path.win32.join(dir, name)]);
  });
});

describe('decodePage', () => {
  it('returns the text and no diagnostic for valid UTF-8', () => {
    const d: Diagnostic[] = [];
    expect(decodePage(Buffer.from('Título\n'), 'x.txt', d)).toBe('Título\n');
    expect(d).toEqual([]);
  });

  it('replaces a truncated sequence with U+FFFD and names its offset', () => {
    const d: Diagnostic[] = [];
    expect(decodePage(Uint8Array.from([0x61, 0x62, 0xc3, 0x28]), 'x.txt', d)).toBe('ab\uFFFD(');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/at byte 2\b/);
  });
});
