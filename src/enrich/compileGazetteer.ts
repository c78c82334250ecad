import type { GazetteerCountry } from './tables.js';
import { compilePhrases, type PhraseTable } from './compilePhrases.js';
import { foldText } from '../text/foldText.js';

/** What a gazetteer name can stand for: countries named directly, and places of that name. */
export interface Mention {
  /** countries this name names directly (a country name, alias or demonym) */
  countries: string[];
  /** places of this name, each in its country */
  places: Array<{ name: string; kind: string; country: string }>;
}

/** The gazetteer compiled for matching and for looking names up. */
export interface Gazetteer {
  countries: GazetteerCountry[];
  table: PhraseTable<Mention>;
  /** folded name, alias, Spanish name, ISO code or demonym → canonical country name */
  lookup: Map<string, string>;
}

/** A folded key for looking names up: case, accents and punctuation ignored. */
export const nameKey = (s: string) =>
  // ASCII folds to its lower case (a backtick to an apostrophe, punctuation either way): the same key, without
  // the Unicode regular expression, which the parser's test for lines of country names runs on most lines
  ASCII.test(s)
    ? s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : foldText(s)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Compiles gazetteer data into a phrase table: every name, alias, Spanish name, demonym and place name,
 * with names shared by several countries or by a place and a country kept together in one Mention so the
 * detector can let context decide.
 */
export function compileGazetteer(countries: GazetteerCountry[]): Gazetteer {
  const byKey = new Map<string, { text: string; mention: Mention; capital: boolean }>();
  const add = (text: string, capital: boolean, f: (m: Mention) => void) => {
    const key = nameKey(text);
    if (!key) return;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { text, mention: { countries: [], places: [] }, capital }));
    entry.capital &&= capital;
    f(entry.mention);
  };
  const lookup = new Map<string, string>();
  for (const c of countries) {
    for (const n of [c.name, ...c.aliases, ...c.es]) {
      add(n, true, (m) => m.countries.includes(c.name) || m.countries.push(c.name));
      lookup.set(nameKey(n), c.name);
    }
    for (const d of c.demonyms) {
      // Spanish demonyms are written in lower case; English ones are capitalised ("Chilean", not "chilean")
      add(d, /^\p{Lu}/u.test(d), (m) => m.countries.includes(c.name) || m.countries.push(c.name));
      if (!lookup.has(nameKey(d))) lookup.set(nameKey(d), c.name);
    }
    lookup.set(c.iso2.toLowerCase(), c.name);
    lookup.set(c.iso3.toLowerCase(), c.name);
    for (const p of c.places) {
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        add(
          n,
          true,
          (m) =>
            m.places.some((x) => x.country === c.name && x.name === p.name) ||
            m.places.push({ name: p.name, kind: p.kind, country: c.name }),
        );
      }
    }
  }
  const table = compilePhrases(
    [...byKey.values()].map((e) => ({ text: e.text, payload: e.mention, capital: e.capital })),
  );
  return { countries, table, lookup };
}
