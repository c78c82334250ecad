import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir } from '../paths.js';

/** A place in the gazetteer. */
export interface GazetteerPlace {
  name: string;
  kind: 'capital' | 'city' | 'state' | 'department' | 'province' | 'border' | 'region';
  aliases?: string[];
}

/** A country (or territory) in the gazetteer: data/countries.json. */
export interface GazetteerCountry {
  name: string;
  iso2: string;
  iso3: string;
  region: string;
  aliases: string[];
  es: string[];
  demonyms: string[];
  capital: string;
  places: GazetteerPlace[];
}

/** Patterns of one language in the topic taxonomy. */
export interface TopicPatterns {
  strong: string[];
  weak: string[];
}

/** A topic of the taxonomy: data/topics.json. */
export interface Topic {
  id: string;
  label: string;
  en: TopicPatterns;
  es: TopicPatterns;
  exclude: string[];
}

export interface Taxonomy {
  threshold: number;
  topics: Topic[];
}

/** A data table that does not have the shape meso needs. */
export class DataError extends Error {
  override name = 'DataError';
}

const PLACE_KINDS = new Set(['capital', 'city', 'state', 'department', 'province', 'border', 'region']);
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Checks a parsed countries.json and returns its countries; throws DataError naming the bad entry. */
export function validateCountries(data: unknown, where = 'countries.json'): GazetteerCountry[] {
  const list = (data as { countries?: unknown })?.countries;
  if (!Array.isArray(list) || list.length === 0)
    throw new DataError(`${where}: expected {"countries": [...]} with at least one country`);
  const seen = new Set<string>();
  list.forEach((c: GazetteerCountry, i) => {
    const at = `${where}: countries[${i}]${typeof c?.name === 'string' ? ` (${c.name})` : ''}`;
    if (typeof c?.name !== 'string' || !c.name.trim()) throw new DataError(`${at}: "name" must be a non-empty string`);
    if (!/^[A-Z]{2}$/.test(c.iso2) || !/^[A-Z]{3}$/.test(c.iso3))
      throw new DataError(`${at}: "iso2"/"iso3" must be 2 and 3 capital letters`);
    if (seen.has(c.iso2)) throw new DataError(`${at}: duplicate iso2 ${c.iso2}`);
    seen.add(c.iso2);
    for (const key of ['aliases', 'es', 'demonyms'] as const)
      if (!isStrings(c[key] ?? [])) throw new DataError(`${at}: "${key}" must be a list of strings`);
    if (!Array.isArray(c.places)) throw new DataError(`${at}: "places" must be a list`);
    for (const p of c.places) {
      if (typeof p?.name !== 'string' || !PLACE_KINDS.has(p.kind))
        throw new DataError(
          `${at}: place ${JSON.stringify(p?.name)} needs a name and a kind among ${[...PLACE_KINDS].join(', ')}`,
        );
      if (p.aliases !== undefined && !isStrings(p.aliases))
        throw new DataError(`${at}: place ${p.name}: "aliases" must be a list of strings`);
    }
  });
  return list as GazetteerCountry[];
}

/** Checks a parsed topics.json; throws DataError naming the bad entry. */
export function validateTopics(data: unknown, where = 'topics.json'): Taxonomy {
  const d = data as { topics?: unknown; scoring?: { threshold?: unknown } };
  if (!Array.isArray(d?.topics) || d.topics.length === 0)
    throw new DataError(`${where}: expected {"topics": [...]} with at least one topic`);
  const threshold = d.scoring?.threshold ?? 3;
  if (typeof threshold !== 'number' || threshold <= 0)
    throw new DataError(`${where}: "scoring.threshold" must be a positive number`);
  const ids = new Set<string>();
  for (const [i, t] of (d.topics as Topic[]).entries()) {
    const at = `${where}: topics[${i}]${typeof t?.id === 'string' ? ` (${t.id})` : ''}`;
    if (typeof t?.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(t.id))
      throw new DataError(`${at}: "id" must be lower-case letters, digits and hyphens`);
    if (ids.has(t.id)) throw new DataError(`${at}: duplicate id`);
    ids.add(t.id);
    if (typeof t.label !== 'string') throw new DataError(`${at}: "label" must be a string`);
    for (const lang of ['en', 'es'] as const) {
      if (!isStrings(t[lang]?.strong ?? null) || !isStrings(t[lang]?.weak ?? null))
        throw new DataError(`${at}: "${lang}" must have "strong" and "weak" lists of strings`);
    }
    if (!isStrings(t.exclude ?? [])) throw new DataError(`${at}: "exclude" must be a list of strings`);
  }
  return { threshold, topics: d.topics as Topic[] };
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataError(`${file}: cannot be read as JSON (${(e as Error).message})`);
  }
};

/** Reads and validates the bundled gazetteer. */
export function loadCountries(dir = bundledDataDir()): GazetteerCountry[] {
  const file = join(dir, 'countries.json');
  return validateCountries(readJson(file), file);
}

/** Reads and validates the bundled topic taxonomy. */
export function loadTopics(dir = bundledDataDir()): Taxonomy {
  const file = join(dir, 'topics.json');
  return validateTopics(readJson(file), file);
}
