import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../../src/enrich/compileGazetteer.js';
import { detectCountries } from '../../src/enrich/detectCountries.js';
import { validateCountries, loadCountries, DataError, type GazetteerCountry } from '../../src/enrich/tables.js';

const country = (name: string, iso2: string, extra: Partial<GazetteerCountry> = {}): GazetteerCountry => ({
  name,
  iso2,
  iso3: `${iso2}X`,
  region: 'Central America',
  aliases: [],
  es: [],
  demonyms: [],
  capital: '',
  places: [],
  ...extra,
});

// A hand-made table: just enough to set each trap.
const table = compileGazetteer([
  country('United States', 'US', { aliases: ['U.S.'], es: ['Estados Unidos'] }),
  country('Spain', 'ES', { es: ['España'] }),
  country('Trinidad and Tobago', 'TT', { places: [{ name: 'Port of Spain', kind: 'capital' }] }),
  country('Dominican Republic', 'DO', { es: ['República Dominicana'], demonyms: ['Dominican'] }),
  country('Dominica', 'DM'),
  country('Guatemala', 'GT', {
    demonyms: ['Guatemalan', 'guatemalteco'],
    places: [
      { name: 'Guatemala City', kind: 'capital' },
      { name: 'La Unión', kind: 'city' },
    ],
  }),
  country('El Salvador', 'SV', { places: [{ name: 'La Unión', kind: 'department' }] }),
  country('Honduras', 'HN', { places: [{ name: 'La Ceiba', kind: 'city' }] }),
  country('Liberia', 'LR'),
  country('Costa Rica', 'CR', {
    demonyms: ['Costa Rican'],
    places: [
      { name: 'Liberia', kind: 'city' },
      { name: 'San José', kind: 'capital' },
    ],
  }),
  country('Mexico', 'MX', { es: ['México'], places: [{ name: 'Tapachula', kind: 'city' }] }),
  country('Chad', 'TD'),
]);

const countries = (title: string, summary = '') => detectCountries(table, title, summary).countries;

describe('detectCountries', () => {
  it('does not take the United States from "United Nations"', () => {
    expect(countries('The United Nations Migration Agency', '')).toEqual([]);
  });
  it('does not take Spain from "Port of Spain", but counts Trinidad and Tobago', () => {
    expect(countries('Meeting in Port of Spain')).toEqual(['Trinidad and Tobago']);
  });
  it('does not take Dominica from "Dominican Republic"', () => {
    expect(countries('Returns to the Dominican Republic')).toEqual(['Dominican Republic']);
  });
  it('counts Guatemala once for "Guatemala City" and names the place', () => {
    const r = detectCountries(table, 'Workshop in Guatemala City', '');
    expect(r.countries).toEqual(['Guatemala']);
    expect(r.places).toEqual([{ name: 'Guatemala City', country: 'Guatemala', kind: 'capital' }]);
  });
  it('folds case and accents: "MEXICO" and "México" are Mexico', () => {
    expect(countries('MEXICO and México')).toEqual(['Mexico']);
  });
  it('counts a place for its country: Tapachula is Mexico', () => {
    expect(countries('Students in Tapachula')).toEqual(['Mexico']);
  });
  it('counts Spanish names and demonyms', () => {
    expect(countries('Retorno de guatemaltecos', 'Un guatemalteco en Estados Unidos')).toEqual([
      'Guatemala',
      'United States',
    ]);
  });
  it('lets context decide a place name two countries share', () => {
    expect(countries('Meeting in La Unión', 'Officials from Guatemala attended.')).toEqual(['Guatemala']);
    expect(countries('Meeting in La Unión', 'Officials from El Salvador attended.')).toEqual(['El Salvador']);
    expect(countries('Meeting in La Unión', 'Officials attended.')).toEqual([]);
  });
  it('takes Liberia as the Costa Rican city only when Costa Rica is in the story', () => {
    const r = detectCountries(table, 'Training in Liberia', 'Staff of San José, Costa Rica.');
    expect(r.countries).toEqual(['Costa Rica']);
    expect(r.places.map((p) => p.name)).toContain('Liberia');
    expect(countries('Returns to Liberia', 'Migrants from West Africa.')).toEqual(['Liberia']);
  });
  it('needs a capital letter for proper names: "chad" is not Chad', () => {
    expect(countries('Chad', 'a man called chad')).toEqual(['Chad']);
    expect(countries('about the hanging chad')).toEqual([]);
  });
  it('puts the country of the title and dateline first and makes it primary', () => {
    const r = detectCountries(
      table,
      'Honduras strengthens protection',
      'La Ceiba, Honduras. Officials met with a delegation from Mexico.',
    );
    expect(r.countries).toEqual(['Honduras', 'Mexico']);
    expect(r.primaryCountry).toBe('Honduras');
  });
  it('gives no primary country to a two-country or regional story', () => {
    expect(
      detectCountries(table, 'Honduras and Guatemala agree on border actions', 'Both countries met.').primaryCountry,
    ).toBeNull();
    expect(
      detectCountries(table, 'Regional workshop in the region', 'Participants from Mexico, Honduras and Guatemala.')
        .primaryCountry,
    ).toBeNull();
  });
  it('records the words behind each country as evidence', () => {
    const r = detectCountries(table, 'Students in Tapachula', '');
    expect(r.evidence).toContainEqual({ kind: 'country', label: 'Mexico', words: ['Tapachula'] });
  });
});

describe('the bundled gazetteer', () => {
  it('validates and covers every Central American country with places', () => {
    const list = loadCountries();
    for (const name of [
      'Mexico',
      'Guatemala',
      'Belize',
      'Honduras',
      'El Salvador',
      'Nicaragua',
      'Costa Rica',
      'Panama',
    ]) {
      const c = list.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      expect(c!.places.length, name).toBeGreaterThan(10);
    }
  });
  it('rejects a table with a bad entry, naming it', () => {
    expect(() => validateCountries({ countries: [{ name: 'X', iso2: 'x1' }] })).toThrow(DataError);
    expect(() =>
      validateCountries({
        countries: [
          {
            name: 'Nowhere',
            iso2: 'NW',
            iso3: 'NWH',
            aliases: [],
            es: [],
            demonyms: [],
            places: [{ name: 'A', kind: 'planet' }],
          },
        ],
      }),
    ).toThrow(/Nowhere.*kind/);
  });
});
