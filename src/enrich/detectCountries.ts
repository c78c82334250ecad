import type { Evidence, Place } from '../types.js';
import type { Gazetteer, Mention } from './compileGazetteer.js';
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
  /\b(region|regional|regions|mesoamerica|mesoamerican|central america|central american|caribbean|countries|north and central|americas|latin america|cross-border|bilateral)\b/i;

interface Found {
  mention: Mention;
  inTitle: boolean;
  /** word position, title first, used to order countries of equal weight */
  position: number;
  /** within the first words of the summary: the dateline */
  lead: boolean;
  text: string;
}

interface Tally {
  score: number;
  first: number;
  inTitle: boolean;
  lead: boolean;
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
): CountryResult {
  const parts = [
    { words: words.title, inTitle: true },
    { words: words.summary, inTitle: false },
  ];
  const found: Found[] = [];
  let offset = 0;
  for (const part of parts) {
    for (const m of findPhrases(gazetteer.table, part.words)) {
      // a dateline ("Tapachula, Mexico –", "Costa Rica.") opens the summary: a strong sign of where the story is
      found.push({
        mention: m.payload,
        inTitle: part.inTitle,
        position: offset + m.start,
        lead: !part.inTitle && m.start < 6,
        text: m.text,
      });
    }
    offset += part.words.length + 1000;
  }

  const tallies = new Map<string, Tally>();
  const places = new Map<string, Place>();
  const evidence = new Map<string, Set<string>>();
  const count = (country: string, f: Found, weight: number) => {
    const t = tallies.get(country) ?? { score: 0, first: f.position, inTitle: false, lead: false, words: new Set() };
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

  const ranked = [...tallies.entries()].sort(
    (a, b) => b[1].score + (b[1].lead ? 2 : 0) - (a[1].score + (a[1].lead ? 2 : 0)) || a[1].first - b[1].first,
  );
  return {
    countries: ranked.map(([c]) => c),
    primaryCountry: pickPrimary(ranked, title),
    places: [...places.values()],
    evidence: [...evidence.entries()].map(([k, words]) => {
      const [kind, label] = k.split('\u0000') as ['country' | 'place', string];
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

/**
 * The primary country: the top country when it leads the story (in the title or the dateline) and clearly
 * outweighs the next; null for regional or multi-country stories.
 */
function pickPrimary(ranked: Array<[string, Tally]>, title: string): string | null {
  const [top, second] = ranked;
  if (!top) return null;
  const [name, t] = top;
  const leads = t.inTitle || t.lead;
  if (!leads) return null;
  if (second && (second[1].inTitle || second[1].lead) && t.inTitle === second[1].inTitle) {
    if (t.score < 2 * second[1].score) return null;
  }
  if (second && t.score < second[1].score + 2) return null;
  if (REGIONAL.test(title) && !t.inTitle) return null;
  return name;
}
