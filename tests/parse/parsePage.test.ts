import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/parsePage.js';
import type { ParsedPage } from '../../src/types.js';

const seedDir = new URL('../../data/pages/', import.meta.url);
const fixtureDir = new URL('../fixtures/pages/', import.meta.url);

const seed = (name: string): ParsedPage => parsePage(readFileSync(new URL(name, seedDir), 'utf8'), name);
const fixture = (name: string): ParsedPage => parsePage(readFileSync(new URL(name, fixtureDir), 'utf8'), name);

/** title, date, summary and title line of each item: what a reader of the page would write down */
const brief = (page: ParsedPage) =>
  page.items.map((i) => ({ title: i.title, date: i.date, summary: i.summary, line: i.source.line }));
const where = (page: ParsedPage) => page.diagnostics.map((d) => `${d.file}:${d.line}`);

const P000 = '000_ec5092ca24a74f63.txt';
const P001 = '001_bcfdfb02d0d3a25a.txt';
const P002 = '002_49cbdf00bb1c36c0.txt';
const P003 = '003_e58e0664d3321197.txt';
const P004 = '004_c646ec1d25a1f6e6.txt';

describe('parsePage', () => {
  describe('seed pages in data/pages', () => {
    const cases: Array<{
      file: string;
      layout: 'dated' | 'undated';
      first: [string, string | null];
      last: [string, string | null];
      lines: number[];
    }> = [
      {
        file: P000,
        layout: 'undated',
        first: ['Panama Drafts its National Plan against Human Trafficking', null],
        last: [
          '“Many times just saying that your child is alive is a great joy for many families”: testimony from the Honduras border',
          null,
        ],
        lines: [1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
      },
      {
        file: P001,
        layout: 'dated',
        first: [
          'The prevention of trafficking in persons in high schools: the experience of Chiapas, Mexico',
          '2017-12-04',
        ],
        last: ['RCM and IOM Launch a Virtual Course on Migrant Women for Consular Staff', '2017-11-02'],
        lines: [3, 9, 15, 21, 27, 33, 39, 45, 51, 57],
      },
      {
        file: P002,
        layout: 'dated',
        first: [
          'IOM, ICRC and MSF in Mexico City organize the first workshop on psychosocial support in the context of migration',
          '2018-07-06',
        ],
        last: [
          'Migration Information Centers in Mesoamerica Share Experiences and Good Practices in Regional Exchange',
          '2018-06-12',
        ],
        lines: [3, 9, 15, 21, 27, 33, 39, 45, 51, 57],
      },
      {
        file: P003,
        layout: 'undated',
        first: [
          'The Caribbean Migration Consultations (CMC) Counter-Trafficking Network holds its second meeting',
          null,
        ],
        last: ['IOM interviews migrants from caravans in Chiapas', null],
        lines: [1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
      },
      {
        file: P004,
        layout: 'dated',
        first: [
          'IOM pilots innovative model for providing information on migration in Guatemala: Community Advisors on Migration',
          '2018-08-05',
        ],
        last: [
          'IOM Fosters Cross-Border Network and Strengthens Institutions in the Northern Triangle of Central America',
          '2018-07-06',
        ],
        lines: [3, 11, 17, 23, 29, 35, 41, 47, 53, 59],
      },
    ];

    for (const c of cases) {
      describe(c.file, () => {
        const page = seed(c.file);

        it('has 10 items', () => {
          expect(page.items).toHaveLength(10);
        });

        it(`is read as the ${c.layout} layout`, () => {
          expect(page.layout).toBe(c.layout);
        });

        it('gives the exact first and last titles and dates', () => {
          const first = page.items[0]!;
          const last = page.items[page.items.length - 1]!;
          expect([first.title, first.date]).toEqual(c.first);
          expect([last.title, last.date]).toEqual(c.last);
        });

        it('has no diagnostics', () => {
          expect(page.diagnostics).toEqual([]);
        });

        it('gives each item the 1-based line of its title as its source', () => {
          expect(page.items.map((i) => i.source)).toEqual(c.lines.map((line) => ({ file: c.file, line })));
        });

        it('puts every non-blank line in exactly one item', () => {
          const used = page.items.flatMap((i) => i.lines);
          expect(new Set(used).size).toBe(used.length);
          expect(used.length).toBe(page.nonBlankLines);
          expect(page.nonBlankLines).toBe({ [P000]: 20, [P001]: 30, [P002]: 30, [P003]: 21, [P004]: 31 }[c.file]);
        });

        it('every item of a dated page has a date, and no item of an undated page has one', () => {
          expect(
            page.items.every((i) =>
              c.layout === 'dated' ? /^\d{4}-\d{2}-\d{2}$/.test(i.date ?? '') : i.date === null,
            ),
          ).toBe(true);
        });

        it('leaves no NBSP, tab, double space or edge space in titles and summaries', () => {
          for (const i of page.items) {
            for (const text of [i.title, ...i.summary.split('\n')]) {
              expect(text).not.toMatch(/[\u00A0\t]| {2}|^ | $/);
            }
          }
        });
      });
    }

    it('001 gives every date in page order', () => {
      expect(seed(P001).items.map((i) => i.date)).toEqual([
        '2017-12-04',
        '2017-12-04',
        '2017-12-01',
        '2017-11-17',
        '2017-11-17',
        '2017-11-06',
        '2017-11-06',
        '2017-11-06',
        '2017-11-02',
        '2017-11-02',
      ]);
    });

    it('004 keeps the two paragraphs of its first item apart with one blank line', () => {
      const first = seed(P004).items[0]!;
      expect(first.summary).toBe(
        'The Migration Community Advisors are a pilot initiative of the Mesoamerica Program in Guatemala, as part of its efforts to carry out sustainable preventative actions in the most vulnerable communities.' +
          '\n\n' +
          'These advisors are women who are leaders in their communities. They work as volunteers, giving trustworthy information on topics related to regular migration and identifying vulnerable cases to refer them to the services of the Municipal Information Hubs on Migration.',
      );
      expect(first.lines).toEqual([1, 3, 5, 7]);
    });

    it('004 drops the NBSP and trailing space after "San Marcos."', () => {
      expect(seed(P004).items[2]!.summary.endsWith('Tecún Umán, San Marcos.')).toBe(true);
    });

    it('003 puts the bullet lines of its last item in that item’s summary, one per line', () => {
      const last = seed(P003).items[9]!;
      expect(last.summary).toBe(
        '- Violence and the search for work are the primary reasons why Central Americans are migrating.\n' +
          '- Access to basic resources and to information about forms of regularization and human rights are some of their main needs.',
      );
      expect(last.lines).toEqual([19, 20, 21]);
    });

    it('002 turns NBSP and double spaces into single spaces', () => {
      const items = seed(P002).items;
      expect(
        items[0]!.summary.startsWith(
          'Mexico City - The United Nations Organization for Migration (IOM), in collaboration',
        ),
      ).toBe(true);
      expect(items[1]!.summary.startsWith('Mexico City - 32 officials from 10 countries')).toBe(true);
      expect(
        items[4]!.summary.startsWith(
          'Honduras. In order to strengthen mechanisms for preventing and prosecuting the crime of trafficking in persons,',
        ),
      ).toBe(true);
      expect(items[6]!.summary).toContain('developed in Chiapas. This tool aims');
    });

    it('002 keeps en and em dashes and straight apostrophes as written', () => {
      const items = seed(P002).items;
      expect(items[3]!.summary.startsWith('San Salvador – How do you recognize a victim of human trafficking?')).toBe(
        true,
      );
      expect(items[3]!.summary).toContain("violation of migrants' human rights?");
      expect(items[4]!.summary).toContain("IOM—the United Nations' Migration Organization— supported");
    });

    it('000 and 003 keep curly quotes and apostrophes as written', () => {
      const p000 = seed(P000).items;
      expect(p000[1]!.title).toBe('Boosting Young People’s Knowledge and Techniques on Regional Migration Issues');
      expect(p000[3]!.title).toBe(
        '“Before taking the first step, inform yourself”: Communities in Mesoamerica act for a regular and safe migration',
      );
      const p003 = seed(P003).items;
      expect(p003[1]!.title).toBe(
        'IOM and the Government of Costa Rica present the “Consular Guide to the Repatriation of Costa Ricans Abroad”',
      );
      expect(p003[3]!.title).toBe(
        'The Migration Governance Framework—What is it, and how can it contribute to my work?',
      );
    });

    it('001 keeps the acute-accent apostrophe of "didn´t" as written', () => {
      expect(seed(P001).items[8]!.summary).toContain('However, this didn´t seem to bother them');
    });
  });

  describe('fixture pages in tests/fixtures/pages', () => {
    it('dated-blocks: date line, title and summary make one item each', () => {
      const page = fixture('dated-blocks.txt');
      expect(page.layout).toBe('dated');
      expect(brief(page)).toEqual([
        { title: 'First dated title', date: '2017-12-04', summary: 'First summary sentence.', line: 3 },
        { title: 'Second dated title', date: '2017-12-01', summary: 'Second summary sentence.', line: 9 },
      ]);
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 3, 5],
        [7, 9, 11],
      ]);
      expect(page.diagnostics).toEqual([]);
      expect(page.nonBlankLines).toBe(6);
    });

    it('undated-pairs: a title line then a summary line, with no blank lines between pairs', () => {
      const page = fixture('undated-pairs.txt');
      expect(page.layout).toBe('undated');
      expect(brief(page)).toEqual([
        { title: 'First undated title', date: null, summary: 'First summary sentence.', line: 1 },
        { title: 'Second undated title', date: null, summary: 'Second summary sentence.', line: 3 },
        { title: 'Third undated title', date: null, summary: 'Third summary sentence.', line: 5 },
      ]);
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('bullets-continue-summary: "- " and "• " lines continue the summary above, each on its own line', () => {
      const page = fixture('bullets-continue-summary.txt');
      expect(page.layout).toBe('undated');
      expect(brief(page)).toEqual([
        {
          title: 'Migrants interviewed in Chiapas',
          date: null,
          summary: 'The survey found two main reasons:\n- Violence at home.\n• The search for work',
          line: 1,
        },
        { title: 'Second title here', date: null, summary: 'Its summary.', line: 5 },
        { title: 'Third title with bullets only', date: null, summary: '- First point.\n- Second point.', line: 7 },
      ]);
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 2, 3, 4],
        [5, 6],
        [7, 8, 9],
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('spanish-month-dates: "5 Enero, 2018", "5 de enero de 2018" and "20 Septiembre, 2019" are date lines', () => {
      const page = fixture('spanish-month-dates.txt');
      expect(page.layout).toBe('dated');
      expect(brief(page)).toEqual([
        { title: 'Primer título de la página', date: '2018-01-05', summary: 'Un resumen corto.', line: 3 },
        { title: 'Segundo título', date: '2018-01-05', summary: 'Otro resumen.', line: 9 },
        { title: 'Tercer título', date: '2019-09-20', summary: 'Tercer resumen.', line: 15 },
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('slash-dates: "17 / 08 / 2021" and "03/09/2021" are day-first date lines', () => {
      const page = fixture('slash-dates.txt');
      expect(page.layout).toBe('dated');
      expect(brief(page)).toEqual([
        { title: 'Title after a spaced slash date', date: '2021-08-17', summary: 'Summary one.', line: 3 },
        { title: 'Title after a tight slash date', date: '2021-09-03', summary: 'Summary two.', line: 9 },
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('many-blank-lines: runs of blank lines change nothing but the line numbers', () => {
      const page = fixture('many-blank-lines.txt');
      expect(page.layout).toBe('dated');
      expect(brief(page)).toEqual([
        { title: 'Title after blank lines', date: '2017-12-04', summary: 'Summary after blank lines.', line: 5 },
        { title: 'Second title', date: '2017-12-01', summary: 'Second summary.', line: 15 },
      ]);
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 5, 8],
        [12, 15, 18],
      ]);
      expect(page.diagnostics).toEqual([]);
      expect(page.nonBlankLines).toBe(6);
    });

    it('wrapped-summary: a summary wrapped over three lines is joined with spaces, undated and dated alike', () => {
      const page = fixture('wrapped-summary.txt');
      expect(page.layout).toBe('mixed');
      expect(brief(page)).toEqual([
        {
          title: 'Wrapped undated title',
          date: null,
          summary: 'The first line of the summary runs on and wraps onto a second line and a third line, ending here.',
          line: 1,
        },
        {
          title: 'Wrapped dated title',
          date: '2017-12-04',
          summary: 'The dated summary also runs over several lines and ends on a third.',
          line: 7,
        },
      ]);
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 2, 3, 4],
        [5, 7, 9, 10, 11],
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('wrapped-title: a lower-case line right after an unfinished title continues the title', () => {
      const page = fixture('wrapped-title.txt');
      expect(brief(page)).toEqual([
        {
          title: 'A long undated title that wraps onto a second line',
          date: null,
          summary: 'The summary of the wrapped title.',
          line: 1,
        },
      ]);
      expect(page.items[0]!.lines).toEqual([1, 2, 3]);
      expect(page.diagnostics).toEqual([]);
    });

    it('multi-paragraph-summary: paragraphs of a dated item are joined with one blank line', () => {
      const page = fixture('multi-paragraph-summary.txt');
      expect(page.layout).toBe('dated');
      expect(brief(page)).toEqual([
        {
          title: 'A title with a long story',
          date: '2018-08-05',
          summary: 'The first paragraph.\n\nThe second paragraph.\n\nThe third paragraph follows without a blank line.',
          line: 3,
        },
        { title: 'Next title', date: '2018-07-06', summary: 'Next summary.', line: 12 },
      ]);
      expect(page.items[0]!.lines).toEqual([1, 3, 5, 7, 8]);
      expect(page.diagnostics).toEqual([]);
    });

    it('no-final-newline: the last line is read though no newline ends it', () => {
      const page = fixture('no-final-newline.txt');
      expect(brief(page)).toEqual([
        {
          title: 'Title without final newline',
          date: '2017-12-04',
          summary: 'Summary without final newline.',
          line: 3,
        },
      ]);
      expect(page.diagnostics).toEqual([]);
      expect(page.nonBlankLines).toBe(3);
    });

    it('trailing-spaces-nbsp: NBSP, tabs and runs of spaces become one space; an NBSP-only line is blank', () => {
      const page = fixture('trailing-spaces-nbsp.txt');
      expect(brief(page)).toEqual([
        {
          title: 'Title with NBSP and spaces',
          date: '2017-12-04',
          summary: 'Mexico City - The summary text.',
          line: 3,
        },
      ]);
      expect(page.items[0]!.lines).toEqual([1, 3, 5]);
      expect(page.nonBlankLines).toBe(3);
      expect(page.diagnostics).toEqual([]);
    });

    it('curly-quotes: curly quotes, apostrophes and dashes are kept as written', () => {
      const page = fixture('curly-quotes.txt');
      expect(page.layout).toBe('undated');
      expect(brief(page)).toEqual([
        {
          title: '“Before taking the first step, inform yourself”: communities act',
          date: null,
          summary: 'Leaders said it’s time — “now or never”.',
          line: 1,
        },
        {
          title: 'Boosting Young People’s Knowledge',
          date: null,
          summary: 'The workshop’s goal – to inform ‘young’ people.',
          line: 3,
        },
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    describe('stray-lines', () => {
      const page = fixture('stray-lines.txt');

      it('keeps the two real items', () => {
        expect(brief(page)).toEqual([
          { title: 'Real title', date: '2017-12-01', summary: 'Real summary.', line: 7 },
          { title: 'Title after the bullet', date: '2017-11-03', summary: 'Summary three.', line: 14 },
        ]);
        expect(page.items.map((i) => i.lines)).toEqual([
          [5, 7, 9],
          [12, 14, 15],
        ]);
      });

      it('gives one diagnostic per stray line, at its file:line', () => {
        expect(where(page)).toEqual([
          'stray-lines.txt:1',
          'stray-lines.txt:2',
          'stray-lines.txt:3',
          'stray-lines.txt:10',
          'stray-lines.txt:13',
          'stray-lines.txt:17',
        ]);
      });

      it('says why each stray line was not used', () => {
        const m = page.diagnostics.map((d) => d.message);
        expect(m[0]).toMatch(/before any title/);
        // a separator between items (`* * *`) is furniture: a note, not a warning
        expect(m[1]).toMatch(/separator/);
        expect(page.diagnostics[1]!.level).toBe('note');
        expect(m[2]).toMatch(/date line with no title/);
        expect(m[3]).toMatch(/no real calendar day/);
        expect(m[4]).toMatch(/expected a title after the date line/);
        expect(m[5]).toMatch(/end of the page/);
      });

      it('quotes the offending text, normalised', () => {
        expect(page.diagnostics.map((d) => d.text)).toEqual([
          '- A bullet before any title',
          '* * *',
          '4 December, 2017',
          '31 June, 2018',
          '- bullet after a date',
          '2 November, 2017',
        ]);
      });

      it('accounts for every non-blank line once', () => {
        const used = [...page.items.flatMap((i) => i.lines), ...page.diagnostics.map((d) => d.line)].sort(
          (a, b) => a - b,
        );
        expect(used).toEqual([1, 2, 3, 5, 7, 9, 10, 12, 13, 14, 15, 17]);
        expect(page.nonBlankLines).toBe(12);
      });
    });

    it('mixed-layout: an undated stretch then dated blocks is the mixed layout', () => {
      const page = fixture('mixed-layout.txt');
      expect(page.layout).toBe('mixed');
      expect(brief(page)).toEqual([
        { title: 'Undated title one', date: null, summary: 'Undated summary one.', line: 1 },
        { title: 'Undated title two', date: null, summary: 'Undated summary two.', line: 3 },
        { title: 'Dated title one', date: '2017-12-04', summary: 'Dated summary one.', line: 8 },
        { title: 'Dated title two', date: '2017-12-01', summary: 'Dated summary two.', line: 14 },
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('title-then-date: a date line right under a title gives that title its date', () => {
      const page = fixture('title-then-date.txt');
      const first = page.items[0]!;
      expect([first.title, first.date, first.source.line]).toEqual(['A title before its date', '2017-12-04', 1]);
      expect(first.lines.slice(0, 3)).toEqual([1, 2, 4]);
    });

    // Was a bug, fixed in src during this run: the second title of a title/date/summary page was read as a paragraph
    // of the first summary, and "Another summary." became a title with an empty summary.
    it('title-then-date: a page of title/date/summary blocks gives one item per block', () => {
      const page = fixture('title-then-date.txt');
      expect(brief(page)).toEqual([
        { title: 'A title before its date', date: '2017-12-04', summary: 'Its summary follows the date.', line: 1 },
        { title: 'Another title before its date', date: '2017-12-01', summary: 'Another summary.', line: 6 },
      ]);
      expect(page.diagnostics).toEqual([]);
    });

    it('title-then-date-wrapped: a wrapped title right above its date line takes both of its lines', () => {
      const page = fixture('title-then-date-wrapped.txt');
      expect(brief(page)).toEqual([
        { title: 'Title A', date: '2017-12-04', summary: 'Summary A.', line: 3 },
        { title: 'Next title that wraps', date: '2017-12-01', summary: 'Summary B.', line: 7 },
      ]);
    });

    // Regression: a wrapped title above a date used to leave its second line ("wraps", line 8) in the lines of the
    // item above: [[1, 3, 5, 8], [7, 9, 11]].
    it('title-then-date-wrapped: every line of the wrapped title is in the lines of its own item', () => {
      const page = fixture('title-then-date-wrapped.txt');
      expect(page.items.map((i) => i.lines)).toEqual([
        [1, 3, 5],
        [7, 8, 9, 11],
      ]);
    });

    it('an empty or blank page is the empty layout with no items and no diagnostics', () => {
      for (const text of ['', '\n\n', ' \u00A0\t\n\r\n']) {
        const page = parsePage(text, 'blank.txt');
        expect(page).toMatchObject({
          file: 'blank.txt',
          layout: 'empty',
          kind: 'empty',
          order: 'none',
          items: [],
          diagnostics: [],
          nonBlankLines: 0,
        });
      }
    });
  });
});

describe('a very long page', () => {
  // regression: Math.max(...lines) and push(...lines) overflowed the call stack past about 120,000 lines
  // (`meso --data /tmp` met a log file there: "internal error: Maximum call stack size exceeded")
  it.each([
    ['one paragraph of 200,000 lines', Array.from({ length: 200_000 }, (_, i) => `line ${i} of a long log file`)],
    ['200,000 stray lines between blank ones', Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '' : `*** ${i}`))],
  ])('parses %s without overflowing the stack', (_name, lines) => {
    const page = parsePage(lines.join('\n'), 'long.txt');
    expect(page.items.length + page.diagnostics.length).toBeGreaterThan(0);
  });
});

// found on pages written for a generalisation probe: a Markdown export keeps its heading marks
describe('parsePage and Markdown headings', () => {
  it('leaves the marks of a Markdown heading out of the title', () => {
    const page = parsePage(
      '## Cuba and the Bahamas Discuss Assisted Voluntary Return\n\n2019-05-29\n\nA summary.\n',
      'm.txt',
    );
    expect(page.items.map((i) => [i.title, i.date])).toEqual([
      ['Cuba and the Bahamas Discuss Assisted Voluntary Return', '2019-05-29'],
    ]);
    const undated = parsePage('### A Shelter Opens in Chiapas\nIt has 200 beds for families.\n', 'u.txt');
    expect(undated.items[0]!.title).toBe('A Shelter Opens in Chiapas');
  });

  it('keeps a hashtag, which is no heading', () => {
    const page = parsePage('5 December, 2018\n\n#MigrantesPorLaVida Campaign Launched\n\nA summary.\n', 'h.txt');
    expect(page.items[0]!.title).toBe('#MigrantesPorLaVida Campaign Launched');
  });
});

// found on pages written for a generalisation probe: one item with no summary made every closing date move one
// item up (the first undated, each later one with the date of the item above, the last date unplaced)
describe('parsePage and dates that close their items', () => {
  it('keeps each date with its own item when one item has no summary', () => {
    const page = parsePage(
      [
        'Jamaica Hosts Caribbean Counter-Trafficking Network Meeting',
        'Delegates from 18 Caribbean states reviewed progress on national action plans.',
        '9 July 2019',
        '',
        'Salvadoran Returnees Receive Job Training in Tourism',
        '28 June 2019',
        '',
        'Panama and Colombia Coordinate Response in Darién Gap',
        'Health and migration authorities agreed to share information on flows.',
        '21 June 2019',
      ].join('\n'),
      'closing.txt',
    );
    expect(page.items.map((i) => [i.title.slice(0, 12), i.date])).toEqual([
      ['Jamaica Host', '2019-07-09'],
      ['Salvadoran R', '2019-06-28'],
      ['Panama and C', '2019-06-21'],
    ]);
    expect(page.diagnostics).toEqual([]);
  });

  // found on pages written for a second probe: a line after the last closing date ("Load more stories") let the
  // dates-first reading place as many dates, leaving the first item undated and that line an item
  it('keeps closing dates with their items when a line follows the last one', () => {
    const page = parsePage(
      [
        'First Story Title Here',
        '',
        'Its summary, a sentence that ends here.',
        '',
        'Published: 12 June 2019',
        '',
        'Second Story Title Here',
        '',
        'Another summary that ends here.',
        '',
        'Published: 28 May 2019',
        '',
        'Stories From Our Partners Across the Region',
      ].join('\n'),
      'more.txt',
    );
    expect(page.items.map((i) => [i.title, i.date])).toEqual([
      ['First Story Title Here', '2019-06-12'],
      ['Second Story Title Here', '2019-05-28'],
    ]);
  });

  // review of the round: a date with a blank line above it and its title right under it opens that item; reading
  // it as closing the item above moved every date of such pages one item up
  it('keeps dates-first pages as they were: an undated first item, a last item with no summary', () => {
    const page = parsePage(
      [
        'Migrants Stranded in Darién Receive Aid',
        'IOM provided assistance to 300 migrants at the reception centre this week.',
        '',
        '24 June 2019',
        'Youth Programme Expands to Three Municipalities',
        'Health and migration authorities agreed to share information on flows.',
        '',
        '19 June 2019',
        'Panama and Colombia Coordinate Response in Darién Gap',
        'Officials from six countries reviewed progress on national action plans.',
        '',
        '15 June 2019',
        'Counter-Trafficking Training Held in Belize',
      ].join('\n'),
      'd.txt',
    );
    expect(page.items.map((i) => [i.title.slice(0, 12), i.date])).toEqual([
      ['Migrants Str', null],
      ['Youth Progra', '2019-06-24'],
      ['Panama and C', '2019-06-19'],
      ['Counter-Traf', '2019-06-15'],
    ]);
    const headed = parsePage(
      [
        'Latest News',
        '',
        '12 March 2019',
        'Caravan Reaches Tapachula After Two Weeks',
        'Families received hygiene kits, food and information on their rights.',
        '',
        '5 March 2019',
        'Migrants in Tapachula wait for their papers. IOM is there to help.',
        'The shelter will host up to 200 people, IOM said.',
      ].join('\n'),
      'h.txt',
    );
    expect(headed.items.map((i) => [i.title.slice(0, 12), i.date])).toEqual([
      ['Caravan Reac', '2019-03-12'],
      ['Migrants in ', '2019-03-05'],
    ]);
  });

  it('still reads a date right under a title as opening its summary when a summary follows', () => {
    const page = parsePage('A Title Above Its Date\n4 May, 2020\nA summary that follows the date.\n', 't.txt');
    expect(page.items.map((i) => [i.title, i.date, i.summary])).toEqual([
      ['A Title Above Its Date', '2020-05-04', 'A summary that follows the date.'],
    ]);
  });
});
