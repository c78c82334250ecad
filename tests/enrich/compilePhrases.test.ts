import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compilePhrases, findPhrases } from '../../src/enrich/compilePhrases.js';
import { toWords } from '../../src/text/tokenize.js';

// findPhrases looks one-word prefixes ("traffick*") up by their first two letters; it must find what trying
// every prefix in the table's order finds: the first that matches, with its capital-letter rule.

const word = fc.stringMatching(/^[a-zA-Zé]{1,6}$/);

describe('findPhrases with one-word prefixes', () => {
  test.prop([
    fc.array(fc.record({ stem: fc.stringMatching(/^[a-zé]{0,4}$/), capital: fc.boolean() }), { maxLength: 12 }),
    fc.array(word, { maxLength: 12 }),
  ])('finds the first prefix, in the table order, that each word matches', (prefixes, words) => {
    const table = compilePhrases(prefixes.map((p, i) => ({ text: `${p.stem}*`, payload: i, capital: p.capital })));
    const ws = toWords(words.join(' '));
    const found = findPhrases(table, ws);
    // the reference: each word, the first prefix of the list that it matches
    const expected = ws.flatMap((w, i) => {
      const p = table.prefixes.find(
        (q) => w.term.startsWith(q.tokens[0]!.slice(0, -1)) && (!q.capital || /^\p{Lu}/u.test(w.raw.charAt(0))),
      );
      return p ? [{ payload: p.payload, start: i }] : [];
    });
    expect(found.map((m) => ({ payload: m.payload, start: m.start }))).toEqual(expected);
  });
});
