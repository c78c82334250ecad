import type { Evidence, PageFacts, Place } from '../types.js';
import type { Gazetteer, Mention } from './compileGazetteer.js';
import { countriesOfList } from './isCountryList.js';
import { findPhrases } from './compilePhrases.js';
import { toWords, type Word } from '../text/tokenize.js';

/** The words of an item's title and summary, split once and shared by the enrichers. */
export interface TextWords {
  title: Word[];
  summary: Word[];
}

/** Countries and places found in an item, with the words that made each. */
export interface CountryResult {
  countries: string[];
  primaryCountry: string | null;
  places: Place[];
  evidence: Evidence[];
}

/** Words that mark a story as regional rather than about one country. */
const REGIONAL =
  /(?<!extra-?)\b(region|regional|regions|mesoamerica|mesoamerican|central america|central american|caribbean|countries|north and central|americas|latin america|cross-border|bilateral|centroam[eé]rica|centroamericanos?|mesoam[eé]rica|caribe|latinoam[eé]rica|binacional|transfronteriz[oa]s?)\b/i;

interface Found {
  mention: Mention;
  inTitle: boolean;
  /** word position, title first, used to order countries of equal weight */
  position: number;
  /** within the first words of the summary: the dateline */
  lead: boolean;
  text: string;
  /** word positions within its part (title or summary) */
  start: number;
  end: number;
}

interface Tally {
  score: number;
  first: number;
  inTitle: boolean;
  lead: boolean;
  /** named by the page's tag line */
  tagged: boolean;
  words: Set<string>;
}

/**
 * Finds the countries an item is about (by name, Spanish name, demonym or a place in it), the places it
 * names, and its primary country. A name shared by two countries, or by a place and a country, counts only
 * when the rest of the item decides it (another mention of one of its countries); a country name alone
 * stands for the country.
 *
 * @example
 * detectCountries(gazetteer, 'Workshop in Tapachula', 'Officials from Chiapas met.').countries
 * //=> ['Mexico']
 */
export function detectCountries(
  gazetteer: Gazetteer,
  title: string,
  summary: string,
  words: TextWords = { title: toWords(title), summary: toWords(summary) },
  facts: PageFacts = {},
): CountryResult {
  const parts = [
    { words: words.title, inTitle: true },
    { words: words.summary, inTitle: false },
  ];
  const found: Found[] = [];
  let offset = 0;
  // a dateline ("Tapachula, Mexico –", "Costa Rica.") opens the summary: a strong sign of where the story is
  const leadWords = facts.dateline ? toWords(facts.dateline).length : 6;
  for (const part of parts) {
    for (const m of findPhrases(gazetteer.table, part.words)) {
      found.push({
        mention: m.payload,
        inTitle: part.inTitle,
        position: offset + m.start,
        lead: !part.inTitle && m.start < leadWords,
        text: m.text,
        start: m.start,
        end: m.end,
      });
    }
    offset += part.words.length + 1000;
  }

  const tallies = new Map<string, Tally>();
  const places = new Map<string, Place>();
  const evidence = new Map<string, Set<string>>();
  const count = (country: string, f: Found, weight: number) => {
    const t = tallies.get(country) ?? {
      score: 0,
      first: f.position,
      inTitle: false,
      lead: false,
      tagged: false,
      words: new Set<string>(),
    };
    t.score += (f.inTitle ? 3 : 1) * weight;
    t.first = Math.min(t.first, f.position);
    t.inTitle ||= f.inTitle;
    t.lead ||= f.lead;
    t.words.add(f.text);
    tallies.set(country, t);
  };

  const decided = (f: Found) => {
    const candidates = new Set([...f.mention.countries, ...f.mention.places.map((p) => p.country)]);
    return (
      candidates.size === 1 &&
      !(
        f.mention.countries.length &&
        f.mention.places.length &&
        f.mention.places.some((p) => !f.mention.countries.includes(p.country))
      )
    );
  };
  // First pass: names that can only mean one country.
  const sure = new Set<string>();
  for (const f of found)
    if (decided(f)) for (const c of [...f.mention.countries, ...f.mention.places.map((p) => p.country)]) sure.add(c);

  for (const f of found) {
    const { countries, places: ps } = f.mention;
    if (decided(f)) {
      for (const c of countries) count(c, f, 1);
      for (const p of ps) {
        if (countries.includes(p.country)) continue; // "Panama" the country, not Panama the province
        places.set(`${p.name}|${p.country}`, { name: p.name, country: p.country, kind: p.kind });
        addEvidence(evidence, 'place', `${p.name} (${p.country})`, f.text);
        count(p.country, f, 1);
      }
      continue;
    }
    // Ambiguous: a place in another country mentioned elsewhere wins; otherwise a country of that name.
    const inContext = ps.filter((p) => sure.has(p.country) && !countries.includes(p.country));
    if (inContext.length === 1) {
      const p = inContext[0]!;
      places.set(`${p.name}|${p.country}`, { name: p.name, country: p.country, kind: p.kind });
      addEvidence(evidence, 'place', `${p.name} (${p.country})`, f.text);
      count(p.country, f, 1);
    } else if (countries.length === 1) {
      count(countries[0]!, f, 1);
    }
  }
  for (const [country, t] of tallies) for (const w of t.words) addEvidence(evidence, 'country', country, w);
  // what the page says: its tag line names the story's countries; a country heading, when the text names none
  const pageFact = (country: string, text: string, weight: number, tagged: boolean) => {
    const t = tallies.get(country) ?? {
      score: 0,
      first: Number.MAX_SAFE_INTEGER,
      inTitle: false,
      lead: false,
      tagged: false,
      words: new Set<string>(),
    };
    t.score += weight;
    t.tagged ||= tagged;
    tallies.set(country, t);
    addEvidence(evidence, 'page', country, text);
  };
  const tagLine = facts.tags?.join(', ');
  const tagged = tagLine ? (countriesOfList(gazetteer, tagLine) ?? []) : [];
  for (const c of tagged) pageFact(c, tagLine!, 3, true);
  if (tallies.size === 0 && facts.heading) {
    const named = countriesOfList(gazetteer, facts.heading);
    if (named?.length === 1) pageFact(named[0]!, facts.heading, 1, false);
  }
  const ranked = [...tallies.entries()].sort(
    (a, b) => b[1].score + (b[1].lead ? 2 : 0) - (a[1].score + (a[1].lead ? 2 : 0)) || a[1].first - b[1].first,
  );
  const primary = pickPrimary(
    ranked,
    title,
    joinedInTitle(found, words.title),
    tagged,
    titleRoles(found, words.title, title),
    facts.dateline !== undefined,
  );
  const countries = ranked.map(([c]) => c);
  if (primary) countries.splice(0, countries.length, primary, ...countries.filter((c) => c !== primary));
  return {
    countries,
    primaryCountry: primary,
    places: [...places.values()],
    evidence: [...evidence.entries()].map(([k, words]) => {
      const [kind, label] = k.split('\u0000') as ['country' | 'place' | 'page', string];
      return { kind, label, words: [...words] };
    }),
  };
}

function addEvidence(evidence: Map<string, Set<string>>, kind: string, label: string, words: string) {
  const key = `${kind}\u0000${label}`;
  const set = evidence.get(key) ?? new Set();
  set.add(words);
  evidence.set(key, set);
}

/** Words that join two names as one subject. */
const AND = new Set(['and', 'y', 'e', 'or', 'o']);
/** Words that name a story about several countries, or none, in its title. */
const MANY = /\b(global|countries|pa[ií]ses|world|mundial|nations|naciones)\b/i;

/**
 * Whether the title's first two country mentions stand side by side ("Guatemala and Honduras", "Honduras,
 * Nicaragua"): a story of both, with no primary country.
 */
function joinedInTitle(found: Found[], title: Word[]): boolean {
  const inTitle = found.filter((f) => f.inTitle).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < inTitle.length; i++) {
    const [a, b] = [inTitle[i]!, inTitle[i + 1]!];
    if (a.mention.countries.some((c) => b.mention.countries.includes(c))) continue;
    const between = title.slice(a.end, b.start).map((w) => w.term);
    return between.length === 0 || (between.length === 1 && AND.has(between[0]!));
  }
  return false;
}

/** What a country does in a title: where the story happens, where people go or come from, or its subject. */
interface Roles {
  /** countries named after "in", "en", "at": where the story happens */
  at: Set<string>;
  /** countries named after "to", "towards", "a", "hacia", "from", "desde", "evacuadas de": a route's ends */
  route: Set<string>;
  /** countries named first in the title, or first after a label and a colon ("Huracán María: República Dominicana …") */
  subject: Set<string>;
  /** countries the title names through a place only (a city, a state), never by name or demonym */
  placeOnly: Set<string>;
}

const AT = new Set(['in', 'en', 'at', 'inside']);
const ROUTE = new Set(['to', 'towards', 'toward', 'into', 'a', 'al', 'hacia', 'from', 'desde']);
/** Words skipped when looking at the word before a name: articles. */
const ARTICLE = new Set(['the', 'an', 'la', 'el', 'los', 'las', 'un', 'una']);

/** The roles of the countries a title names, from the word before each name. */
function titleRoles(found: Found[], words: Word[], title: string): Roles {
  const roles: Roles = { at: new Set(), route: new Set(), subject: new Set(), placeOnly: new Set() };
  const named = new Set<string>();
  const viaPlace = new Set<string>();
  for (const f of found) {
    if (!f.inTitle) continue;
    const countries = f.mention.countries.length ? f.mention.countries : f.mention.places.map((p) => p.country);
    if (countries.length !== 1) continue;
    const c = countries[0]!;
    (f.mention.countries.length ? named : viaPlace).add(c);
    let k = f.start - 1;
    // English "a" after "in" is an article ("in a Mexican shelter"), elsewhere Spanish "to" ("viajan a México")
    while (k >= 0 && (ARTICLE.has(words[k]!.term) || (words[k]!.term === 'a' && AT.has(words[k - 1]?.term ?? '')))) k--;
    const before = k >= 0 ? words[k]!.term : '';
    // "evacuadas de Puerto Rico", "deportados de México": Spanish "de" after a participle is "from"
    const participleDe = before === 'de' && k > 0 && /(?:ad|id)[oa]s?$/.test(words[k - 1]!.term);
    if (AT.has(before)) roles.at.add(c);
    else if (ROUTE.has(before) || participleDe) roles.route.add(c);
    const opens =
      f.start === 0 || (k === f.start - 1 && k >= 0 && title.slice(words[k]!.end, words[f.start]!.start).includes(':'));
    if (opens) roles.subject.add(c);
  }
  for (const c of viaPlace) if (!named.has(c)) roles.placeOnly.add(c);
  return roles;
}

/**
 * The primary country, the one the story is mainly about:
 * - a tag line naming one country names it; naming several, the title decides (one country named there);
 * - else the one country the title names, unless the title speaks of a region and the text of several countries,
 *   or of a regional meeting in one of its cities ("Regional Workshop in Panama City");
 * - a title naming two side by side ("Guatemala and Honduras") has none; naming two apart: the dateline's, else the
 *   one named after "in"/"en" (where the story happens), else the one the text opens with, else the one that is no destination or origin
 *   ("Guatemalan Workers Travel to Canada"), else the one that opens the title or follows its label's colon;
 * - a title naming none: the one country the item names, else the one its dateline names.
 * Null for regional and multi-country stories.
 */
function pickPrimary(
  ranked: Array<[string, Tally]>,
  title: string,
  joined: boolean,
  tagged: string[],
  roles: Roles,
  /** the text opens with a dateline ("TEGUCIGALPA, Honduras –"), not just any words */
  datelined = false,
): string | null {
  if (ranked.length === 0) return null;
  const many = MANY.test(title);
  const regional = REGIONAL.test(title) || many;
  const inTitle = ranked.filter(([, t]) => t.inTitle).sort((a, b) => a[1].first - b[1].first);
  const lead = ranked.filter(([, t]) => t.lead).map(([c]) => c);
  if (tagged.length === 1) return tagged[0]!;
  if (tagged.length > 1) return inTitle.length === 1 && !regional ? inTitle[0]![0] : null;
  if (inTitle.length === 1) {
    const [c] = inTitle[0]!;
    // a regional meeting held in a city ("Regional Workshop in Panama City"): the venue, not the story's country
    if (regional && roles.placeOnly.has(c) && roles.at.has(c)) return null;
    return regional && ranked.length > 1 ? null : c;
  }
  if (inTitle.length > 1) {
    if (joined) return null;
    const names = inTitle.map(([c]) => c);
    const leads = lead.length === 1 && inTitle.some(([c]) => c === lead[0]);
    // the dateline's, when the title names it: "Honduras Welcomes Back Nationals Stranded in Panama" (TEGUCIGALPA)
    if (datelined && leads) return lead[0]!;
    // where the story happens: "Venezuelan Migrants in Panama Join a Job Fair"
    const at = names.filter((c) => roles.at.has(c));
    if (at.length === 1) return at[0]!;
    // else the country the text opens with ("Cuban families, most with children")
    if (leads) return lead[0]!;
    // the one country that is not where people go or come from: "Guatemalan Workers Travel to Canada"
    const staying = names.filter((c) => !roles.route.has(c));
    if (staying.length === 1 && staying.length < names.length) return staying[0]!;
    // the title's subject: "Costa Rica repatriated 36 Costa Ricans after Hurricane Maria hit Puerto Rico"
    const subject = names.filter((c) => roles.subject.has(c));
    return subject.length === 1 ? subject[0]! : null;
  }
  // one country named: the story's, unless the title speaks of several countries, or of a region and the
  // country is not its dateline's
  if (ranked.length === 1) return many || (regional && !ranked[0]![1].lead) ? null : ranked[0]![0];
  return lead.length === 1 && !regional ? lead[0]! : null;
}
