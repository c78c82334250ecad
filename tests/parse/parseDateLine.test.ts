import { describe, expect, it } from 'vitest';
import {
  dateLineProblem,
  looksLikeBadDate,
  monthNumber,
  parseDateLine,
  readDateLine,
} from '../../src/parse/parseDateLine.js';
import { parsePage } from '../../src/parse/parsePage.js';

describe('parseDateLine', () => {
  it.each([
    ['4 December, 2017', '2017-12-04'],
    ['4 December 2017', '2017-12-04'],
    ['4 Dec 2017', '2017-12-04'],
    ['1st March 2019', '2019-03-01'],
    ['22nd July, 2018', '2018-07-22'],
    ['December 4, 2017', '2017-12-04'],
    ['Sept. 9, 2020', '2020-09-09'],
    ['  4   December,  2017  ', '2017-12-04'],
    ['4 DECEMBER, 2017', '2017-12-04'],
  ])('reads the English date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    ['5 Enero, 2018', '2018-01-05'],
    ['5 de enero de 2018', '2018-01-05'],
    ['5 de enero del 2018', '2018-01-05'],
    ['Enero 5, 2018', '2018-01-05'],
    ['Mayo 5, 2019', '2019-05-05'],
    ['12 Diciembre 2019', '2019-12-12'],
    ['1 Setiembre, 2020', '2020-09-01'],
    ['20 Septiembre, 2019', '2019-09-20'],
    ['3 Abr. 2019', '2019-04-03'],
    ['10 de Agosto de 2018', '2018-08-10'],
  ])('reads the Spanish date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    ['17 / 08 / 2021', '2021-08-17'],
    ['17/08/2021', '2021-08-17'],
    ['17-08-2021', '2021-08-17'],
    ['17.08.2021', '2021-08-17'],
    ['1/2/2021', '2021-02-01'],
    ['03/09/2021', '2021-09-03'],
  ])('reads the day-first numeric date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    ['2021-08-17', '2021-08-17'],
    ['2020-02-29', '2020-02-29'],
  ])('reads the ISO date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    '31 June, 2018',
    '29 February, 2019',
    '29/02/2019',
    '31/04/2021',
    '2021-02-30',
    '32 December, 2017',
    '0 December, 2017',
    '17/13/2021',
    '2019-13-01',
    '30 de febrero de 2020',
  ])('gives null for %j, a day that does not exist', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('accepts 29 February in a leap year in every form', () => {
    expect(parseDateLine('29 February, 2020')).toBe('2020-02-29');
    expect(parseDateLine('February 29, 2020')).toBe('2020-02-29');
    expect(parseDateLine('29 de febrero de 2020')).toBe('2020-02-29');
    expect(parseDateLine('29/02/2020')).toBe('2020-02-29');
  });

  it.each([
    '',
    'A title',
    '2017',
    'December 2017',
    '4 Decembr, 2017',
    '4 December, 2017.',
    'On 4 December, 2017 the IOM met',
    'Villahermosa, Tabasco, June 2018. - The National System',
    '17/08-2021',
    '2021-8-17',
    '4 December, 1850',
    '4 December, 2150',
    '4 constructor, 2017',
    '- 4 December, 2017',
  ])('gives null for the non-date line %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('monthNumber', () => {
  it('knows English and Spanish names and abbreviations, in any case, with a final dot', () => {
    expect(['January', 'Enero', 'ene', 'Sept.', 'SET', 'Dic.', 'agosto', 'Ago'].map(monthNumber)).toEqual([
      1, 1, 1, 9, 9, 12, 8, 8,
    ]);
  });

  it('gives undefined for a word that is no month', () => {
    expect(monthNumber('Decembr')).toBeUndefined();
    expect(monthNumber('de')).toBeUndefined();
  });

  // Was a bug, fixed in src during this run: MONTHS was a plain object, so monthNumber('constructor') gave the Object
  // function and monthNumber('__proto__') gave Object.prototype.
  it('gives undefined for names inherited from Object.prototype', () => {
    expect(monthNumber('constructor')).toBeUndefined();
    expect(monthNumber('__proto__')).toBeUndefined();
  });
});

describe('looksLikeBadDate', () => {
  it('is true for date-shaped lines that name no real day', () => {
    expect(looksLikeBadDate('31 June, 2018')).toBe(true);
    expect(looksLikeBadDate('4 Decembr, 2017')).toBe(true);
    expect(looksLikeBadDate('31/04/2021')).toBe(true);
  });

  it('is false for real dates and for ordinary text', () => {
    expect(looksLikeBadDate('4 December, 2017')).toBe(false);
    expect(looksLikeBadDate('17 / 08 / 2021')).toBe(false);
    expect(looksLikeBadDate('A title')).toBe(false);
    expect(looksLikeBadDate('Over 100 young people in 2017')).toBe(false);
  });
});

describe('readDateLine', () => {
  it.each([
    ['February 31, 2019', /February 2019 has 28 days, not 31/],
    ['2021-02-31', /February 2021 has 28 days, not 31/],
    ['31 February, 2019', /February 2019 has 28 days, not 31/],
    ['29/02/2019', /February 2019 has 28 days, not 29/],
    ['0 December, 2017', /no day 0/],
    ['2019-13-01', /there is no month 13/],
    ['08/17/2021', /there is no month 17 \(dates are day first: 17\/08\/2021\?\)/],
    ['4 Decembr, 2017', /no month is called "Decembr"/],
  ])('says why %j names no real calendar day', (line, why) => {
    const r = readDateLine(line);
    expect(r).toEqual({ problem: expect.stringMatching(/^line looks like a date but names no real calendar day: /) });
    expect((r as { problem: string }).problem).toMatch(why);
  });

  it.each([
    ['1 January, 1899', 1899],
    ['1 January, 99999', 99999],
    ['January 1, 2101', 2101],
    ['1 de enero de 1850', 1850],
    ['01/01/1899', 1899],
    ['2150-01-01', 2150],
  ])('says the day of %j exists but its year is out of range', (line, year) => {
    const problem = dateLineProblem(line);
    expect(problem).toMatch(new RegExp(`year ${year} is out of range: meso takes dates from 1900 to 2100`));
    expect(problem).not.toMatch(/no real calendar day/);
  });

  it('reads real dates as dates, and other lines as nothing', () => {
    expect(readDateLine('February 28, 2019')).toEqual({ date: '2019-02-28' });
    expect(readDateLine('29 de febrero de 2020')).toEqual({ date: '2020-02-29' });
    expect(readDateLine('Agenda 21, 2030')).toBeNull(); // no month: a title, not a misspelt date
    expect(readDateLine('A title')).toBeNull();
    expect(readDateLine('Over 100 young people in 2017')).toBeNull();
  });

  it('agrees with parseDateLine and looksLikeBadDate', () => {
    for (const line of ['February 31, 2019', '1 January, 99999', '4 December, 2017', 'A title']) {
      const r = readDateLine(line);
      expect(parseDateLine(line)).toBe(r && 'date' in r ? r.date : null);
      expect(looksLikeBadDate(line)).toBe(r !== null && 'problem' in r);
    }
  });
});

describe('impossible dates in a page (regression: they became titles, and the real title sank)', () => {
  it.each(['February 31, 2019', '2021-02-31', '1 January, 99999', '1 January, 1899'])(
    'turns %j into a diagnostic and keeps the next line as the title',
    (bad) => {
      const page = parsePage(
        `4 December, 2017\n\nFirst title\n\nFirst summary.\n\n${bad}\n\nThe real title\n\nIts summary.\n`,
        'p.txt',
      );
      expect(page.items.map((i) => i.title)).toEqual(['First title', 'The real title']);
      expect(page.items[0]!.summary).toBe('First summary.');
      expect(page.diagnostics).toEqual([{ file: 'p.txt', line: 7, message: dateLineProblem(bad), text: bad }]);
    },
  );
});
