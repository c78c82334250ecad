import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { renderCsv } from '../../src/render/renderCsv.js';

/** Text a CSV writer finds hard: any Unicode, line breaks of every kind, quotes, commas, formula starts. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', ' ', ',', '"', "'", '\n', '\r', '\r\n', '\t', '=', '+', '-', '@', 'é', '😀'),
  }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', '＝', '＋', '－', '＠', '- '),
      fc.string({ unit: 'grapheme' }),
    )
    .map(([a, b]) => a + b),
);

const COLUMNS = ['a', 'b', 'c'];
const records = fc.array(fc.record({ a: awkwardText, b: awkwardText, c: awkwardText }), { maxLength: 8 });

/** The cells read back by csv-parse, header row first. */
const readBack = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/u;

describe('renderCsv', () => {
  test.prop([records])('writes cells that csv-parse reads back exactly, one row per record', (recs) => {
    const rows = readBack(renderCsv(recs, COLUMNS));
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows.slice(1)).toEqual(recs.map((r) => COLUMNS.map((c) => r[c as keyof typeof r])));
  });

  test.prop([records])('with the formula guard, adds a leading quote to formula cells only', (recs) => {
    const rows = readBack(renderCsv(recs, COLUMNS, { safe: true, bom: true }));
    expect(rows.slice(1)).toEqual(
      recs.map((r) =>
        COLUMNS.map((c) => {
          const v = r[c as keyof typeof r];
          return FORMULA_START.test(v) ? `'${v}` : v;
        }),
      ),
    );
  });

  it('quotes a summary that starts with "- " and holds a line break (item faa32d2)', () => {
    const summary = '- Violence is a reason.\n- Access to resources is a need.';
    const csv = renderCsv([{ id: 'faa32d2071bb', summary }], ['id', 'summary']);
    expect(csv).toBe(`id,summary\r\nfaa32d2071bb,"${summary}"\r\n`);
  });

  it('guards the full-width formula starts too', () => {
    const csv = renderCsv([{ a: '＝1+1', b: '＠SUM(A1)', c: 'plain' }], COLUMNS, { safe: true });
    expect(readBack(csv)[1]).toEqual(["'＝1+1", "'＠SUM(A1)", 'plain']);
  });
});
