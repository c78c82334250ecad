import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { makeSnippet, SNIPPET_CHARS } from '../../src/query/makeSnippet.js';
import { toWords } from '../../src/text/tokenize.js';
import type { Item } from '../../src/types.js';

const item = (fields: Partial<Item>): Item =>
  ({ id: 'x', title: 'A title', summary: '', countries: [], places: [], topics: [], ...fields }) as Item;

/**
 * The matched words of a text, found without meso's tokenizer: runs of letters and digits with inner apostrophes
 * (a hyphen parts words), folded by hand (marks removed, lower case, apostrophes dropped): enough for the texts
 * below, whose words are plain.
 */
const matchedIn = (text: string, isMatch: (term: string) => boolean) =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)]
    .filter((m) => isMatch(m[0].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '')))
    .map((m) => [m.index, m.index + m[0].length]);

describe('makeSnippet', () => {
  const trafficking = (term: string) => term === 'trafficking';

  it('marks the matched words of the summary, its line breaks made spaces', () => {
    const s = makeSnippet(item({ summary: 'Against human\n\ntrafficking, a workshop on Trafficking.' }), trafficking);
    expect(s.field).toBe('summary');
    expect(s.text).toBe('Against human trafficking, a workshop on Trafficking.');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['trafficking', 'Trafficking']);
  });

  it('cuts a long summary around its densest stretch of matches, with an ellipsis where it cut', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const s = makeSnippet(item({ summary: `${filler}trafficking and trafficking again. ${filler}` }), trafficking);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['trafficking', 'trafficking']);
  });

  it('looks in the body when the summary has no match, then in the title, else gives the start of the summary', () => {
    const body = makeSnippet(item({ summary: 'Nothing here.', body: 'Para one.\n\nOn trafficking.' }), trafficking);
    expect(body).toMatchObject({ field: 'body', text: 'Para one. On trafficking.' });
    const title = makeSnippet(item({ title: 'Anti-trafficking day', summary: 'Nothing here.' }), trafficking);
    expect(title).toEqual({ field: 'title', text: 'Anti-trafficking day', highlights: [[5, 16]] });
    const none = makeSnippet(item({ summary: 'Nothing here.' }), trafficking);
    expect(none).toEqual({ field: 'summary', text: 'Nothing here.', highlights: [] });
  });

  it('marks words by their folded term, accents and case aside', () => {
    const s = makeSnippet(item({ summary: 'La TRATA de personas en Petén.' }), (t) => t === 'trata' || t === 'peten');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['TRATA', 'Petén']);
  });

  it('marks a character that folds to several words once, when any of them matches', () => {
    const s = makeSnippet(item({ summary: 'Costs ½ or 2 pesos' }), (t) => t === '1' || t === '2');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['½', '2']);
    const none = makeSnippet(item({ summary: 'Costs ½ only' }), (t) => t === '3');
    expect(none.highlights).toEqual([]);
  });

  it('marks the part of a hyphenated word after an apostrophe where it stands (regression: one letter early)', () => {
    const s = makeSnippet(item({ summary: 'The people’s-trafficking case' }), (t) => t === 'trafficking');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['trafficking']);
  });

  const words = fc.constantFrom('trafficking', 'Trafficking', 'migrants', 'Petén', 'people’s', 'covid', 'return', '19');
  const gaps = fc.constantFrom(' ', ', ', '. ', '\n', ' \n\n ', ' - ', '-', ' “', '” ');
  const summaries = fc
    .array(fc.tuple(words, gaps), { minLength: 1, maxLength: 120 })
    .map((parts) => parts.map(([w, g]) => w + g).join(''));
  const matches = fc.subarray(['trafficking', 'migrants', 'peten', 'covid', '19']);

  test.prop([summaries, matches])('highlights exactly the matched words of the text it shows', (summary, matched) => {
    const isMatch = (term: string) => matched.includes(term);
    const s = makeSnippet(item({ summary, title: 'No match' }), isMatch);
    expect(s.highlights).toEqual(matchedIn(s.text, isMatch));
    if (toWords(summary).some((w) => isMatch(w.term))) expect(s.highlights.length).toBeGreaterThan(0);
  });
});
