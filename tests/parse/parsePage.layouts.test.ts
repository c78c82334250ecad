import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/parsePage.js';
import { isCountryListFor } from '../../src/enrich/isCountryList.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';

const isCountryList = isCountryListFor(getEnrichers().gazetteer);
const parse = (lines: string[]) => parsePage(lines.join('\n'), 'p.txt', { isCountryList });
const titles = (lines: string[]) => parse(lines).items.map((i) => [i.title, i.date]);

describe('parsePage on the other layouts of the site', () => {
  // Regression: the old parser read the first item right and shifted the rest by one (each title became a
  // second summary paragraph of the item above, each summary's first paragraph the next title).
  it('title, date, summary with blank lines between: one item per title, each with its date', () => {
    const page = [
      'Regional Conference on Migration Adopts Guidelines on Labour Mobility',
      '',
      '23 July, 2021',
      '',
      'The vice-ministers adopted a set of guidelines on labour mobility.',
      '',
      'The guidelines were prepared with the support of IOM.',
      '',
      'Shelter Managers in Belize Learn Camp Coordination',
      '',
      '14 June, 2021',
      '',
      'Belize City. Twenty-five shelter managers took part in a training.',
      '',
      'Families Displaced by Hurricanes in Nicaragua Rebuild Their Livelihoods',
      '',
      '17 / 05 / 2021',
      '',
      'Puerto Cabezas, Nicaragua. 300 families received tools and seeds.',
    ];
    expect(titles(page)).toEqual([
      ['Regional Conference on Migration Adopts Guidelines on Labour Mobility', '2021-07-23'],
      ['Shelter Managers in Belize Learn Camp Coordination', '2021-06-14'],
      ['Families Displaced by Hurricanes in Nicaragua Rebuild Their Livelihoods', '2021-05-17'],
    ]);
    const p = parse(page);
    expect(p.order).toBe('title-first');
    expect(p.why).toMatch(/after their titles: 3 of 3/);
    expect(p.items[0]!.summary).toBe(
      'The vice-ministers adopted a set of guidelines on labour mobility.\n\nThe guidelines were prepared with the support of IOM.',
    );
    expect(p.diagnostics).toEqual([]);
  });

  // Regression: "English" and the heading used to come out as items.
  it('a country listing: the heading and the language markers are notes, never items', () => {
    const page = [
      'Nicaragua',
      '',
      'English',
      '',
      '12 March, 2020',
      '',
      'Nicaragua and Costa Rica Discuss a Labour Migration Agreement',
      '',
      'Managua, Nicaragua. Labour authorities held a technical meeting.',
      '',
      'English',
      '',
      '27 February, 2020',
      '',
      'Migration Officers in Nicaragua Trained on the Rights of Migrant Children',
      '',
      'Managua, Nicaragua. Thirty officers received training.',
    ];
    const p = parse(page);
    expect(p.items.map((i) => i.title)).toEqual([
      'Nicaragua and Costa Rica Discuss a Labour Migration Agreement',
      'Migration Officers in Nicaragua Trained on the Rights of Migrant Children',
    ]);
    expect(p.items.map((i) => i.facts?.heading)).toEqual(['Nicaragua', 'Nicaragua']);
    expect(p.diagnostics.map((d) => [d.line, d.level])).toEqual([
      [1, 'note'],
      [3, 'note'],
      [11, 'note'],
    ]);
  });

  // Regression: every body paragraph after the first became an item, and the date was lost.
  it('an article page is one item: its date, its tag line as a fact, its first paragraph as summary, its whole text as body', () => {
    const page = [
      'Costa Rica Hosts Regional Meeting on Labour Migration',
      '',
      'Belize, Costa Rica, El Salvador, Guatemala',
      '',
      '5 December, 2018',
      '',
      'San José, Costa Rica. Representatives of the ministries of labour met on 3 and 4 December.',
      '',
      'The meeting was organized by IOM together with the ILO.',
      '',
      'Every year, tens of thousands of workers cross borders in the region.',
      '',
      'The conclusions will be presented to the Regional Conference on Migration.',
    ];
    const p = parse(page);
    expect(p.kind).toBe('article');
    expect(p.items).toHaveLength(1);
    const [item] = p.items;
    expect([item!.title, item!.date]).toEqual(['Costa Rica Hosts Regional Meeting on Labour Migration', '2018-12-05']);
    expect(item!.summary).toBe(
      'San José, Costa Rica. Representatives of the ministries of labour met on 3 and 4 December.',
    );
    expect(item!.body?.split('\n\n')).toHaveLength(4);
    expect(item!.facts).toEqual({
      tags: ['Belize', 'Costa Rica', 'El Salvador', 'Guatemala'],
      dateline: 'San José, Costa Rica',
    });
    expect(item!.lines).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(p.diagnostics).toEqual([]);
  });

  it('a Spanish article with a one-country tag line and no blank lines in its head', () => {
    const page = [
      'Guatemala presenta su Política Migratoria con enfoque de derechos humanos',
      'Guatemala',
      '12 de septiembre de 2019',
      '',
      'Ciudad de Guatemala. La Autoridad Migratoria Nacional presentó la nueva Política Migratoria.',
      '',
      'La política fue elaborada durante más de un año de consultas.',
      '',
      'Los gobiernos municipales tendrán un papel importante en su implementación.',
    ];
    const p = parse(page);
    expect(p.items.map((i) => [i.title, i.date, i.facts?.tags])).toEqual([
      ['Guatemala presenta su Política Migratoria con enfoque de derechos humanos', '2019-09-12', ['Guatemala']],
    ]);
  });

  // "A stray line before a date must not silently become the title while the real title sinks into the summary."
  it('a stray line before a date on a page of dated blocks never takes the title: kept above, with a doubt', () => {
    const page = [
      '4 December, 2017',
      '',
      'First dated title',
      '',
      'First summary sentence.',
      '',
      'Photo gallery of the event',
      '',
      '1 December, 2017',
      '',
      'Second dated title',
      '',
      'Second summary sentence.',
      '',
      '28 November, 2017',
      '',
      'Third dated title',
      '',
      'Third summary sentence.',
    ];
    const p = parse(page);
    expect(titles(page)).toEqual([
      ['First dated title', '2017-12-04'],
      ['Second dated title', '2017-12-01'],
      ['Third dated title', '2017-11-28'],
    ]);
    expect(p.diagnostics).toMatchObject([{ line: 7, level: 'doubt', message: expect.stringMatching(/before a date/) }]);
  });

  it('reads a date line between two title-like lines with the one that has a summary under it', () => {
    const p = parse(['Press releases', '', '4 December, 2017', '', 'A dated title', '', 'A summary.']);
    expect(p.items.map((i) => [i.title, i.date])).toEqual([['A dated title', '2017-12-04']]);
    expect(p.diagnostics).toMatchObject([{ line: 1, level: 'note', message: expect.stringMatching(/heading/) }]);
  });

  it('says so when one date sits the other way round from the page’s other dates', () => {
    const page = [
      '4 December, 2017',
      '',
      'Title A',
      '',
      'Summary A.',
      '',
      'Title B',
      '1 December, 2017',
      '',
      'Summary B.',
    ];
    const p = parse(page);
    expect(p.items.map((i) => [i.title, i.date])).toEqual([
      ['Title A', '2017-12-04'],
      ['Title B', '2017-12-01'],
    ]);
    expect(p.diagnostics).toMatchObject([
      { line: 8, level: 'doubt', message: expect.stringMatching(/unlike the page/) },
    ]);
  });

  // Regression (site3, a press-room page): a page that mixes both orders read the first date with the heading
  // above it ('Comunicados' became an item) and lost the title under it.
  it('a page mixing both orders: a date with no summary under the heading above it goes with the title below', () => {
    const page = [
      'Comunicados',
      '',
      '2 de marzo de 2019',
      'Talleres sobre migración segura en Somotillo',
      'Somotillo. Jóvenes de la frontera aprendieron a reconocer ofertas de empleo engañosas.',
      '',
      'Albergue de Tenosique amplía su comedor',
      '20 febrero, 2019',
      '',
      'Tenosique. El albergue sirve ahora doscientas comidas al día.',
      '',
      'Brigadas de salud en la frontera sur',
      '11 febrero, 2019',
      '',
      'Tapachula. Las brigadas atendieron a más de mil personas en tránsito.',
    ];
    expect(titles(page)).toEqual([
      ['Talleres sobre migración segura en Somotillo', '2019-03-02'],
      ['Albergue de Tenosique amplía su comedor', '2019-02-20'],
      ['Brigadas de salud en la frontera sur', '2019-02-11'],
    ]);
  });

  it('on a page of titles with their dates under them, an item without a summary keeps its own date', () => {
    const page = [
      'Title A',
      '4 May, 2020',
      'Title B',
      '3 May, 2020',
      'Summary B, the first paragraph.',
      'Title C',
      '2 May, 2020',
      'Summary C, the first paragraph.',
    ];
    expect(titles(page)).toEqual([
      ['Title A', '2020-05-04'],
      ['Title B', '2020-05-03'],
      ['Title C', '2020-05-02'],
    ]);
  });

  it('undated items with blank, space-only and NBSP-only lines between title and a summary of several paragraphs', () => {
    const page = [
      'Migrant Shelters in Northern Mexico Receive Hygiene Kits',
      '\u00A0',
      'Ciudad Juárez, Mexico. IOM delivered hygiene kits to 18 shelters.',
      '',
      '   ',
      'Shelter staff were also trained on isolation protocols.',
      '  ',
      'Returning Migrant Workers Get Their Skills Certified in El Salvador',
      '',
      '',
      'San Salvador, El Salvador. Ninety returned migrants received certificates.',
    ];
    const p = parse(page);
    expect(p.items.map((i) => [i.title, i.summary.split('\n\n').length])).toEqual([
      ['Migrant Shelters in Northern Mexico Receive Hygiene Kits', 2],
      ['Returning Migrant Workers Get Their Skills Certified in El Salvador', 1],
    ]);
    expect(p.order).toBe('none');
  });

  it('joins a title wrapped over two lines above its date, and a paragraph hard-wrapped at a capitalised word', () => {
    const page = [
      'Border Management Authorities of Honduras, Nicaragua and El Salvador',
      'Coordinate Joint Responses at the Gulf of Fonseca',
      '',
      '11 November, 2019',
      '',
      'Amapala, Honduras. Migration, navy and coast guard officials from',
      'Honduras, Nicaragua and El Salvador met on the island of El Tigre to',
      'agree on common procedures for the rescue of migrants at sea.',
      '',
      'IOM and the International Labour Organization Present a Study on Fair',
      'Recruitment of Guatemalan Workers Travelling to Mexico and Canada',
      '',
      '30 October, 2019',
      '',
      'Guatemala City. The study documents the fees, debts and false promises',
      'that workers from Guatemala face when they are recruited abroad.',
    ];
    expect(titles(page)).toEqual([
      [
        'Border Management Authorities of Honduras, Nicaragua and El Salvador Coordinate Joint Responses at the Gulf of Fonseca',
        '2019-11-11',
      ],
      [
        'IOM and the International Labour Organization Present a Study on Fair Recruitment of Guatemalan Workers Travelling to Mexico and Canada',
        '2019-10-30',
      ],
    ]);
  });

  it('after "Related news", titles with no summary are links to other stories, not part of the article', () => {
    const page = [
      'IOM and Partners Launch a Campaign Against Trafficking in Honduras',
      '',
      'Honduras',
      '',
      '3 May, 2021',
      '',
      'Tegucigalpa, Honduras. The campaign was launched today.',
      '',
      'Related news',
      '',
      'IOM Trains Police Officers in Honduras',
      '',
      'Honduras Opens a Shelter for Survivors',
    ];
    const p = parse(page);
    expect(p.items.map((i) => [i.title, i.summary, i.body])).toEqual([
      [
        'IOM and Partners Launch a Campaign Against Trafficking in Honduras',
        'Tegucigalpa, Honduras. The campaign was launched today.',
        undefined,
      ],
    ]);
    expect(p.diagnostics.map((d) => [d.line, d.level])).toEqual([
      [9, 'note'],
      [11, 'note'],
      [13, 'note'],
    ]);
  });

  it('with no blank lines at all, a heading over a title stays a heading, and a title wrapped before a country keeps it', () => {
    const p = parse([
      'Home > News',
      'Latest news',
      'Caribbean Labour Ministers Discuss Free Movement of Skilled Workers',
      '18 / 05 / 2022',
      'Port of Spain, Trinidad and Tobago. Labour ministers of the Caribbean Community met.',
      'Read more',
      'Displacement Tracking Matrix Maps Mobility Flows in the South of',
      'Mexico',
      '06 / 05 / 2022',
      'Tapachula, Mexico. The DTM registered the flows of the first quarter.',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'Caribbean Labour Ministers Discuss Free Movement of Skilled Workers',
      'Displacement Tracking Matrix Maps Mobility Flows in the South of Mexico',
    ]);
    expect(p.diagnostics.find((d) => d.line === 2)).toMatchObject({
      level: 'note',
      message: expect.stringMatching(/heading/),
    });
  });

  // Regression: on a page of mostly Title Case titles, a sentence-case title was kept as a paragraph of the item
  // above (and its item lost).
  it('a sentence-case title among Title Case titles is an item of its own', () => {
    const p = parse([
      'IOM Trains Border Officials in Guatemala',
      '',
      'Guatemala City. Forty officials took part in a three-day course.',
      '',
      'Costa Rica Opens a New Information Centre for Migrants',
      '',
      'San José, Costa Rica. The new centre will give information on work permits.',
      '',
      'Returned migrants in Honduras receive support to start businesses',
      '',
      'Tegucigalpa – Sixty returned migrants presented business plans.',
      '',
      'Belize Launches Its First National Labour Migration Policy',
      '',
      'The policy was presented in Belmopan.',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'IOM Trains Border Officials in Guatemala',
      'Costa Rica Opens a New Information Centre for Migrants',
      'Returned migrants in Honduras receive support to start businesses',
      'Belize Launches Its First National Labour Migration Policy',
    ]);
    expect(p.diagnostics).toEqual([]);
  });

  // Regression: a summary whose first line broke before a capital ("Ministry of Foreign / Affairs") on a page with
  // too few wrapped lines to show its wrap width became an item of its own.
  it('under a title that stands apart, a line run on into the paragraph below it is that paragraph, wrapped', () => {
    const page = [
      '27 March, 2019',
      '',
      'Migrant caravan: what we know so far',
      '',
      'IOM supported the event.',
      '',
      '12 December, 2019',
      '',
      'Costa Rica and Panama review the humanitarian flow of migrants',
      '',
      'The course was organized by IOM with the support of the Ministry of Foreign',
      'Affairs, and included practical exercises based on real cases.',
    ];
    const p = parse(page);
    expect(p.items.map((i) => [i.title, i.date])).toEqual([
      ['Migrant caravan: what we know so far', '2019-03-27'],
      ['Costa Rica and Panama review the humanitarian flow of migrants', '2019-12-12'],
    ]);
    expect(p.items[1]!.summary).toBe(`${page[10]} ${page[11]}`);
  });

  it('but a title and its summary with no blank between, after items whose titles stand apart, stay an item', () => {
    const p = parse([
      '1 April, 2019',
      '',
      'IOM Trains Nurses in Guatemala on Mental Health Care for Returned Migrants',
      '',
      'Guatemala City. Forty nurses from health centres in Guatemala were trained on psychological first aid.',
      '',
      'The training is part of a programme that will reach 300 health workers.',
      '',
      'Caravan Members Request Humanitarian Visas in Ciudad Hidalgo',
      'Hundreds of members of a new caravan lined up at the migration office in Ciudad Hidalgo, Mexico.',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'IOM Trains Nurses in Guatemala on Mental Health Care for Returned Migrants',
      'Caravan Members Request Humanitarian Visas in Ciudad Hidalgo',
    ]);
  });

  // Regression: a page hard-wrapped at 60 columns (its longest line 59 characters) was not seen as wrapped, and a
  // paragraph line that broke before a capital started a paragraph of its own.
  it('joins the lines of a page hard-wrapped at 60 columns', () => {
    const p = parse([
      '22 / 04 / 2023',
      '',
      'Honduras: personas retornadas reciben atención psicosocial',
      '',
      'Participaron más de 300 personas.',
      '',
      'Según la encuesta, la mayoría de las personas entrevistadas',
      'viajaba con su familia y sin documentos.',
      '',
      'Ciudad de Guatemala. Cuarenta funcionarios del Instituto',
      'Guatemalteco de Migración participaron en un curso de tres',
      'días sobre la identificación y referencia de víctimas de',
      'trata.',
    ]);
    expect(p.items).toHaveLength(1);
    expect((p.items[0]!.body ?? p.items[0]!.summary).split('\n\n')).toEqual([
      'Participaron más de 300 personas.',
      'Según la encuesta, la mayoría de las personas entrevistadas viajaba con su familia y sin documentos.',
      'Ciudad de Guatemala. Cuarenta funcionarios del Instituto Guatemalteco de Migración participaron en un curso de tres días sobre la identificación y referencia de víctimas de trata.',
    ]);
  });

  // Regression: "Wed, 03/15/2017" (month first, with a weekday) was no date line: each became an item, the real
  // titles sank into the summaries, and "Wed, 03/08/2017" was read as 3 August.
  it('reads a page of month-first numeric dates with weekdays as such, and says so', () => {
    const p = parse([
      'Tabasco Authorities Trained on Care for Unaccompanied Migrant Children',
      '',
      'Wed, 03/15/2017',
      '',
      'Villahermosa, Tabasco. Staff of the state DIF took part in a course.',
      '',
      'Honduras Presents Protocol for Returned Children',
      '',
      'Wed, 03/08/2017',
      '',
      'The protocol establishes how the centre receives returned children.',
    ]);
    expect(p.items.map((i) => [i.title, i.date])).toEqual([
      ['Tabasco Authorities Trained on Care for Unaccompanied Migrant Children', '2017-03-15'],
      ['Honduras Presents Protocol for Returned Children', '2017-03-08'],
    ]);
    expect(p.why).toMatch(/month first/);
  });

  // Regression: a byline under a title became an item, and "Learn more", "Load more" were kept in summaries.
  it('a byline, "Learn more" and "Load more" are furniture, not items or summary', () => {
    const p = parse([
      'Latest news',
      '',
      '5 December, 2018',
      '',
      'IOM Opens an Office in Belize',
      '',
      'By IOM Staff',
      '',
      'Belmopan. The office will serve migrants in the north.',
      '',
      'Learn more',
      '',
      '3 December, 2018',
      '',
      'Costa Rica Trains Consular Staff',
      '',
      'San José, Costa Rica. Thirty consuls took part.',
      '',
      'Load more',
    ]);
    expect(p.items.map((i) => [i.title, i.date, i.summary])).toEqual([
      ['IOM Opens an Office in Belize', '2018-12-05', 'Belmopan. The office will serve migrants in the north.'],
      ['Costa Rica Trains Consular Staff', '2018-12-03', 'San José, Costa Rica. Thirty consuls took part.'],
    ]);
    expect(p.diagnostics.every((d) => d.level === 'note')).toBe(true);
  });

  // Regression: a title asking a question and going on ("Should Migrants Be Detained? Alternatives …") read as a
  // paragraph: on an undated page its item was lost into the one above.
  it('a title with a question inside it is a title', () => {
    const p = parse([
      'Costa Rica Trains Consular Staff',
      '',
      'San José, Costa Rica. Thirty consuls took part.',
      '',
      'Should Migrants Be Detained? Alternatives to Detention Discussed in Mexico',
      '',
      'Mexico City - Officials and civil society reviewed community-based alternatives.',
      '',
      '¿Por qué migran? Un estudio sobre la juventud del Corredor Seco',
      '',
      'Tegucigalpa – El estudio entrevistó a 900 jóvenes.',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'Costa Rica Trains Consular Staff',
      'Should Migrants Be Detained? Alternatives to Detention Discussed in Mexico',
      '¿Por qué migran? Un estudio sobre la juventud del Corredor Seco',
    ]);
    expect(p.diagnostics).toEqual([]);
  });

  // Regression: dates that close their items (title, summary, date) were each read with the next title, every
  // date shifted by one item, and the last left over with a warning.
  it('dates after their summaries, closing each item, go with the item above', () => {
    const p = parse([
      'IOM Opens an Office in Belize',
      '',
      'Belmopan. The office will serve migrants in the north.',
      '',
      '5 December, 2018',
      '',
      'Costa Rica Trains Consular Staff',
      '',
      'San José, Costa Rica. Thirty consuls took part.',
      '',
      'The course lasted three days.',
      '',
      '3 December, 2018',
    ]);
    expect(p.order).toBe('date-last');
    expect(p.items.map((i) => [i.title, i.date])).toEqual([
      ['IOM Opens an Office in Belize', '2018-12-05'],
      ['Costa Rica Trains Consular Staff', '2018-12-03'],
    ]);
    expect(p.items[1]!.summary).toBe(
      'San José, Costa Rica. Thirty consuls took part.\n\nThe course lasted three days.',
    );
    expect(p.diagnostics).toEqual([]);
  });

  // Regression: an article whose tag line comes after its date took the tag line as its title (the real title a
  // heading).
  it('an article with its tag line under the date: the title above the date is the title, the line its tags', () => {
    const p = parse([
      'Returned Migrants in Honduras Start Small Businesses',
      '',
      '5 December, 2018',
      '',
      'Honduras, Guatemala',
      '',
      'Tegucigalpa – Sixty returned migrants presented business plans for bakeries and workshops.',
      '',
      'The programme is funded by the European Union.',
      '',
      'Each business received seed capital and training.',
    ]);
    expect(p.kind).toBe('article');
    expect(p.items.map((i) => [i.title, i.date, i.facts?.tags])).toEqual([
      ['Returned Migrants in Honduras Start Small Businesses', '2018-12-05', ['Honduras', 'Guatemala']],
    ]);
    expect(p.diagnostics).toEqual([]);
  });

  // Regression: with its date above its title, an article's head was counted as part of its text, so a subheading
  // tipped it into a listing and the subheading became an item; its tag line became an item too.
  it('an article whose date comes first: its tag line a fact, its subheading part of its body', () => {
    const p = parse([
      '5 December, 2018',
      '',
      'Belize Launches Its First National Labour Migration Policy',
      '',
      'Belize, Guatemala',
      '',
      'Belmopan. The policy sets out how migrant workers are recruited and protected.',
      '',
      'It was prepared with employers and unions.',
      '',
      'What comes next',
      '',
      'The ministry will train labour inspectors in 2019.',
    ]);
    expect(p.kind).toBe('article');
    expect(p.items.map((i) => [i.title, i.date, i.facts?.tags])).toEqual([
      ['Belize Launches Its First National Labour Migration Policy', '2018-12-05', ['Belize', 'Guatemala']],
    ]);
    expect(p.items[0]!.body?.split('\n\n')).toHaveLength(4);
  });

  // Regression: titles under 30 characters were taken for an article's subheadings, so a page of one dated item
  // and undated items with short titles was read as one article and the other items were lost.
  it('one dated item, then undated items with short titles: a listing of them all', () => {
    const p = parse([
      '5 December 2018',
      'Caravan Reaches Tijuana',
      'Thousands of people arrived at the border city after weeks on the road through Mexico.',
      '',
      'Shelter Opens in Chiapas',
      'A new shelter in Tapachula offers beds, meals and legal advice to families in transit.',
      '',
      'Returnees Get Seed Capital',
      'Returned migrants in Honduras received grants to start small businesses in their towns.',
      '',
      'Border Officials Trained',
      'Officials from Guatemala and Mexico learned to identify victims of trafficking at crossings.',
    ]);
    expect(p.kind).not.toBe('article');
    expect(p.items.map((i) => [i.title, i.date])).toEqual([
      ['Caravan Reaches Tijuana', '2018-12-05'],
      ['Shelter Opens in Chiapas', null],
      ['Returnees Get Seed Capital', null],
      ['Border Officials Trained', null],
    ]);
  });

  // Regression (found by the property test): on a page too short to show its wrap width, a paragraph wrapped
  // before "Affairs, and …" was cut in two, its first line taken for the title of an undated item.
  it('a line opening mid-sentence ("Affairs, and …") continues the long unfinished line above it', () => {
    const p = parse([
      '1 January, 2016',
      '',
      'Migrant caravan: what we know so far',
      '',
      'The agreement will be reviewed in six months.',
      '',
      '1 January, 2016',
      '',
      'Costa Rica and Panama review the humanitarian flow of migrants',
      '',
      'The course lasted three days.',
      '',
      'The course was organized by IOM with the support of the Ministry of Foreign',
      'Affairs, and included practical exercises based on real cases.',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'Migrant caravan: what we know so far',
      'Costa Rica and Panama review the humanitarian flow of migrants',
    ]);
    expect(p.items[1]!.summary).toContain('Ministry of Foreign Affairs, and included');
  });

  // Regression: a teaser summary cut off mid-sentence read as a title, so the real title above it was lost.
  it('a summary cut off mid-sentence ("… in the") is a summary, not a title', () => {
    const p = parse([
      'Returned Migrants in Honduras Start Small Businesses',
      '',
      'Sixty returned migrants presented business plans for bakeries, workshops and shops in the',
      '',
      'Costa Rica Trains Consular Staff on Assistance to Victims',
      '',
      'Thirty consuls took part in a course organized with the support of',
    ]);
    expect(p.items.map((i) => i.title)).toEqual([
      'Returned Migrants in Honduras Start Small Businesses',
      'Costa Rica Trains Consular Staff on Assistance to Victims',
    ]);
  });
});
