import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseQuery } from '../../src/query/parseQuery.js';
import {
  planQuery,
  planTerms,
  probesOf,
  spanishForms,
  spellingVariants,
  splitEnding,
} from '../../src/query/planQuery.js';
import { compileExpansions, countryGroups, loadExpansions } from '../../src/query/loadExpansions.js';
import type { GazetteerCountry } from '../../src/enrich/tables.js';
import { Vocabulary } from '../../src/indexing/termIndex.js';

const vocabulary = new Vocabulary(['trafficking', 'employment', 'persons', 'returnees', '~return', 'ilo', 'labour']);
const table = compileExpansions(
  [
    ['trafficking', 'trata de personas', 'human trafficking'],
    ['jobs', 'employment', 'e-learning'],
  ],
  [{ short: ['ILO', 'OIT'], long: ['International Labour Organization'] }],
  [['who', ['world', 'health', 'organization']]],
);
const plan = (q: string, all = false) => planQuery(parseQuery(q), vocabulary, table, all);
const expanded = (q: string) => plan(q).expansions.map((alts) => [alts[0]!.covers, alts.map((u) => u.label)]);

describe('planQuery', () => {
  it('counts content words only; a query of stop words only counts them all', () => {
    expect(plan('what did trafficking do').content).toEqual([2]);
    expect(plan('what did').content).toEqual([0, 1]);
  });
  it('marks generic words of a question as weak, unless part of an expression the thesaurus knows', () => {
    expect(plan('how does IOM help returnees').weak).toEqual([3]);
    expect(plan('¿qué apoyo reciben los retornados?').weak).toEqual([1, 2]);
    const services = compileExpansions([['support services', 'servicios de apoyo']], [], []);
    const q = parseQuery('support services for returnees');
    expect(planQuery(q, vocabulary, services).weak).toEqual([]);
    expect(planQuery(q, vocabulary, null).weak).toEqual([0, 1]);
  });
  it('marks the years a query names', () => {
    expect(plan('what did IOM do in Honduras in 2021').years).toEqual([7]);
    expect(plan('trafficking 1500 1850 "2021"').years).toEqual([]);
  });
  it('requires +word, quoted, title: clauses, and with all every clause', () => {
    expect(plan('+jobs trafficking "a b" title:x').required).toEqual([0, 2, 3]);
    expect(plan('jobs the', true).required).toEqual([0, 1]);
  });
  it('expands a run of query words a group names, stop words between them aside, to the other expressions', () => {
    expect(expanded('trata de personas')).toEqual([
      [
        [0, 2],
        ['trafficking', 'human trafficking'],
      ],
    ]);
    // "human trafficking" holds the query word: it would find nothing new
    expect(expanded('trafficking')).toEqual([[[0], ['trata de personas']]]);
    expect(expanded('jobs for migrants')).toEqual([[[0], ['employment', 'e-learning']]]);
  });
  it('expands acronyms both ways, and a word that is also an acronym only when typed in capitals', () => {
    expect(expanded('ILO')).toEqual([[[0], ['OIT', 'International Labour Organization']]]);
    expect(expanded('international labour organization')).toEqual([
      [
        [0, 1, 2],
        ['ILO', 'OIT'],
      ],
    ]);
    expect(expanded('WHO')).toEqual([[[0], ['world health organization']]]);
    expect(expanded('who')).toEqual([]);
  });
  it('never expands quoted, prefix or title: words', () => {
    expect(expanded('"trafficking"')).toEqual([]);
    expect(expanded('title:trafficking')).toEqual([]);
    expect(expanded('jobs*')).toEqual([]);
  });
  it('does not search stop words among other words; weighs expansions and stems below the words themselves', () => {
    const p = plan('the trafficking');
    const weight = (how: string, term: string) => probesOf(p).find((x) => x.how === how && x.term === term)!.weight;
    expect(probesOf(p).some((x) => x.term === 'the')).toBe(false);
    expect(probesOf(plan('from the')).map((x) => x.term)).toEqual(expect.arrayContaining(['from', 'the']));
    expect(weight('synonym', 'trata')).toBeLessThan(weight('exact', 'trafficking'));
    expect(weight('stem', 'trafficking')).toBeLessThan(weight('exact', 'trafficking'));
  });
  it('tries a near spelling only for words the corpus lacks', () => {
    expect(probesOf(plan('trafficking')).some((p) => p.how === 'fuzzy')).toBe(false);
    expect(probesOf(plan('traficking')).some((p) => p.how === 'fuzzy')).toBe(true);
  });
  it('meets the British or American spelling of an English word, when the corpus has it', () => {
    const words = new Vocabulary([
      'labor',
      'organization',
      'centres',
      'programme',
      'defense',
      'enrollment',
      'for',
      'entre',
    ]);
    expect(spellingVariants('labour', words)).toEqual(['labor']);
    expect(spellingVariants('organisation', words)).toEqual(['organization']);
    expect(spellingVariants('centers', words)).toEqual(['centres']);
    expect(spellingVariants('program', words)).toEqual(['programme']);
    expect(spellingVariants('defence', words)).toEqual(['defense']);
    expect(spellingVariants('enrolment', words)).toEqual(['enrollment']);
    // only forms the corpus has, and no rule turns a short word into another word
    expect(spellingVariants('colour', words)).toEqual([]);
    expect(spellingVariants('four', words)).toEqual([]);
    expect(spellingVariants('enter', words)).toEqual([]);
    const p = planQuery(parseQuery('labour'), words, null);
    expect(probesOf(p).some((x) => x.term === 'labor' && x.how === 'stem')).toBe(true);
  });
  it('applies every spelling rule both ways', () => {
    const pairs = [
      ['labour', 'labor'],
      ['organisation', 'organization'],
      ['analyse', 'analyze'],
      ['centre', 'center'],
      ['programmes', 'programs'],
      ['defence', 'defense'],
      ['enrolment', 'enrollment'],
    ];
    const words = new Vocabulary(pairs.flat());
    for (const [british, american] of pairs) {
      expect(spellingVariants(british!, words)).toEqual([american]);
      expect(spellingVariants(american!, words)).toEqual([british]);
    }
  });
  it('meets the other gender, number and participles of a Spanish word, when the corpus has them', () => {
    const spanish = new Vocabulary(['retorno', 'retornadas', 'retornados', 'regulariza', 'deportadas', 'trato']);
    expect(spanishForms('retorno', spanish).sort()).toEqual(['retornadas', 'retornados']);
    expect(spanishForms('regularizar', spanish)).toEqual(['regulariza']);
    expect(spanishForms('deportados', spanish)).toEqual(['deportadas']);
    expect(spanishForms('returned', spanish)).toEqual([]);
    // a noun in -a or -e has no participles: trata (trafficking) is not tratado (treaty), parte not partido
    const other = new Vocabulary(['tratado', 'tratados', 'partido', 'partes']);
    expect(spanishForms('trata', other)).toEqual([]);
    expect(spanishForms('parte', other)).toEqual([]);
    const p = planQuery(parseQuery('retorno'), spanish, null);
    expect(
      probesOf(p)
        .filter((x) => x.how === 'stem')
        .map((x) => x.term),
    ).toEqual(expect.arrayContaining(['retornadas', 'retornados']));
  });
  it('names the index terms its probes meet, expansions and stems included', () => {
    const terms = planTerms(plan('trata de personas'), vocabulary);
    expect([...terms]).toEqual(expect.arrayContaining(['trata', 'personas', 'trafficking', '~traffick']));
    expect(planTerms(plan('returnees'), vocabulary)).toContain('~return');
  });
});

describe('loadExpansions', () => {
  it('reads the shipped thesaurus and acronyms: English and Spanish both ways', () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('trata de personas')).toContain('trafficking');
    expect(p('trafficking')).toContain('trata de personas');
    expect(p('tráfico ilícito de migrantes')).toContain('smuggling');
    expect(p('jobs')).toEqual(expect.arrayContaining(['employment', 'labour']));
    expect(p('deportees')).toContain('returnees');
    // deportes (sports) shares the stem of deported: no match of a sports word stands for a deportee
    expect(p('deportees')).not.toContain('football');
    expect(p('deported')).not.toContain('football');
    expect(p('RCM')).toContain('Regional Conference on Migration');
    expect(p('Conferencia Regional sobre Migración')).toContain('RCM');
  });
  it("reads the everyday words users type for the corpus's terms, both ways", () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('immigrants')).toContain('migrants');
    expect(p('papers')).toContain('document');
    expect(p('illegal immigrants')).toContain('undocumented');
    expect(p('camps')).toContain('campamento');
    expect(p('send money home')).toContain('remittances');
    expect(p('unemployed')).toContain('desempleo');
    expect(p('kidnapping')).toContain('secuestro');
    expect(p('secuestro')).toContain('kidnapping');
  });
  it('never expands a word that stands for a thing only with the negation stop-word removal drops', () => {
    // "sin sus padres" (without their parents) once filed "padres" (parents) with travelling alone
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('padres')).not.toContain('travelling alone');
    expect(p('acompañamiento')).not.toContain('travelling alone');
    expect(p('trabajo')).not.toContain('unemployment');
  });
  it('keeps the dead apart from the missing (regression: "death of migrants" searched missing migrants)', () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('death of migrants')).toContain('muertes de migrantes');
    expect(p('death of migrants')).not.toContain('missing migrants');
    expect(p('migrantes desaparecidos')).toContain('missing migrants');
    expect(p('migrantes desaparecidos')).not.toContain('migrant deaths');
  });
  it("expands a country's name, Spanish name and demonyms into one another, from the gazetteer", () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('Haitian workers')).toEqual(expect.arrayContaining(['Haiti', 'haitianos']));
    expect(p('República Dominicana')).toEqual(expect.arrayContaining(['Dominican Republic', 'Dominican']));
    expect(p('Venezuelan migrants survey')).toContain('Venezuela');
  });
  it("expands a region's names to its countries' names, one way", () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('Venezuelans in the Caribbean')).toEqual(expect.arrayContaining(['Trinidad and Tobago', 'Jamaica']));
    expect(p('remesas en Centroamérica')).toEqual(expect.arrayContaining(['Honduras', 'Guatemala']));
    expect(p('Haiti')).not.toContain('Jamaica');
    expect(p('Haiti')).not.toContain('Caribbean');
  });
  it("expands an acronym typed short to the synonyms of its long form, below the long form's weight", () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('TIP')).toEqual(
      expect.arrayContaining(['trafficking in persons', 'human trafficking', 'trata de personas']),
    );
    expect(p('tip')).toEqual([]);
    const weight = (label: string) =>
      planQuery(parseQuery('TIP'), vocabulary, shipped)
        .expansions.flat()
        .find((u) => u.label === label)!.words[0]![0]!.weight;
    expect(weight('human trafficking')).toBeLessThan(weight('trafficking in persons'));
  });
  it('expands a broader term to its narrower terms, one way', () => {
    const shipped = loadExpansions();
    const p = (q: string) =>
      planQuery(parseQuery(q), vocabulary, shipped).expansions.flatMap((alts) => alts.map((u) => u.label));
    expect(p('natural disasters')).toEqual(expect.arrayContaining(['hurricanes', 'earthquakes', 'terremotos']));
    expect(p('earthquakes')).not.toContain('natural disasters');
    // a people's name is what an item about indigenous migrants often says
    expect(p('native peoples')).toEqual(expect.arrayContaining(['indigenous', 'pueblos indigenas', 'maya', 'lenca']));
    expect(p('maya')).not.toContain('indigenous');
    expect(p('hurricanes')).toEqual(expect.arrayContaining(['eta', 'iota', 'mitch']));
  });
  it('leaves out country names made of single letters', () => {
    const us = { name: 'United States', aliases: ['U.S.', 'USA'], es: ['EE. UU.', 'Estados Unidos'], demonyms: [] };
    expect(countryGroups([us as unknown as GazetteerCountry])).toEqual([
      ['United States', 'USA', 'EE. UU.', 'Estados Unidos'],
    ]);
  });
  it('refuses a malformed table, naming the entry', async () => {
    const { validateThesaurus, validateAcronyms } = await import('../../src/query/loadExpansions.js');
    expect(() => validateThesaurus({ groups: [['only one']] })).toThrow(/groups\[0\]/);
    expect(() => validateThesaurus({})).toThrow(/groups/);
    expect(() => validateAcronyms({ acronyms: [{ short: ['X'] }] })).toThrow(/acronyms\[0\]/);
    const { validateRegions } = await import('../../src/query/loadExpansions.js');
    expect(() => validateRegions({ regions: { Caribbean: [] } })).toThrow(/regions\.Caribbean/);
    expect(validateRegions({ groups: [] })).toEqual({});
    const { validateNarrower } = await import('../../src/query/loadExpansions.js');
    expect(() => validateNarrower({ narrower: [{ broader: ['x'] }] })).toThrow(/narrower\[0\]/);
  });
});

describe('the Spanish forms of a word', () => {
  // the forms as the expressions they replaced found them (the oracle: ^(.{n,}?)(endings)$, a lazy root)
  const FAMILY = ['o', 'a', 'os', 'as', 'ado', 'ada', 'ados', 'adas', 'ido', 'ida', 'idos', 'idas'];
  function byExpressions(term: string): string[] {
    if (/\d/.test(term)) return [];
    const out = new Set<string>();
    const gender = /^(.{3,}?)(ores|oras|ora|or|os|as|o|a)$/.exec(term);
    if (gender)
      for (const e of gender[2]!.startsWith('or') ? ['or', 'ora', 'ores', 'oras'] : ['o', 'a', 'os', 'as'])
        out.add(gender[1]! + e);
    const family = /^(.{4,}?)(ados|adas|ado|ada|idos|idas|ido|ida|ar|ir|os|as|o|a|es|e)$/.exec(term);
    if (family && !/^(?:as?|es?)$/.test(family[2]!)) for (const e of FAMILY) out.add(family[1]! + e);
    out.delete(term);
    return [...out];
  }
  const everything = { has: () => true };
  // words made of the endings' letters, so that most end in one or several of them
  const word = fc.oneof(
    fc
      .array(fc.constantFrom('a', 'o', 's', 'r', 'd', 'i', 'e', 't', 'n', '1'), { maxLength: 12 })
      .map((a) => a.join('')),
    fc.string({ maxLength: 12 }).filter((w) => !/[\n\r\u2028\u2029]/.test(w)),
  );

  test.prop([word])('are those the lazy-root expressions found, in the same order', (w) => {
    expect(spanishForms(w, everything)).toEqual(byExpressions(w));
  });

  it('split a word before its longest ending that leaves a long enough root', () => {
    expect(splitEnding('deportadas', ['as', 'adas', 'a'], 4)).toEqual(['deport', 'adas']);
    expect(splitEnding('trata', ['ata', 'a'], 3)).toEqual(['trat', 'a']);
    expect(splitEnding('casa', ['asa', 'a'], 3)).toEqual(['cas', 'a']);
    expect(splitEnding('ora', ['ora', 'a'], 3)).toBeUndefined();
  });
});
