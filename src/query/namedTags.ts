import type { Gazetteer } from '../enrich/compileGazetteer.js';
import type { TopicMatcher } from '../enrich/classifyTopics.js';
import type { Query } from './parseQuery.js';
import { findPhrases } from '../enrich/compilePhrases.js';
import { toWords } from '../text/tokenize.js';
import { nameKey } from '../enrich/compileGazetteer.js';

/** Topics and countries a query names; weak topics are used only when nothing matches literally. */
export interface NamedTags {
  topics: string[];
  weakTopics: string[];
  countries: string[];
  /**
   * the include clauses (by number) that name a country, whatever the query's other words: "Mexico" in "Haitian
   * migrants in Mexico", both words of "Costa Rica"
   */
  clauseCountries?: Map<number, string>;
}

/**
 * The topics and countries a query names, in English or Spanish: the query's words are read with the same
 * taxonomy and gazetteer as the items ("trata de personas" → trafficking, "guatemalteco" → Guatemala). Only
 * when every word of the query belongs to such a name (words most items contain, like "migrants", aside),
 * so "trafficking Honduras" is not a country query.
 */
export function namedTags(
  query: Query,
  gazetteer: Gazetteer,
  matcher: TopicMatcher,
  isCommon: (term: string) => boolean = () => false,
): NamedTags {
  const none = { topics: [], weakTopics: [], countries: [] };
  if (query.include.some((c) => c.quoted || c.prefix || c.titleOnly)) return none; // the user asked for exact words
  // queries are typed in lower case: capitalise so proper names match; words most items contain don't count
  const clauseOf: number[] = [];
  const words = query.include.flatMap((c, i) =>
    toWords(c.terms.join(' ')).map((w) => {
      clauseOf.push(i);
      return { ...w, raw: w.raw.charAt(0).toUpperCase() + w.raw.slice(1) };
    }),
  );
  const needed = words.filter((w) => !isCommon(w.term)).length;
  const topics = new Set<string>();
  const weakTopics = new Set<string>();
  const countries = new Set<string>();
  let covered = 0;
  for (const w of words) {
    const t = matcher.taxonomy.topics.find((x) => x.id === w.term || nameKey(x.label) === w.term);
    if (t) topics.add(t.id);
  }
  for (const m of findPhrases(matcher.table, words)) {
    const signals = m.payload.filter((s) => s.topic !== null);
    if (!signals.length) continue;
    for (const s of signals) (s.strong ? topics : weakTopics).add(s.topic!);
    covered += m.end - m.start;
  }
  if (covered < needed) {
    topics.clear();
    weakTopics.clear();
  }
  let placed = 0;
  const clauseCountries = new Map<number, string>();
  for (const m of findPhrases(gazetteer.table, words)) {
    // a country's name, demonym or code names it; a place ("Petén") does not stand for its whole country
    const names = m.payload.countries;
    if (names.length !== 1) continue;
    countries.add(names[0]!);
    placed += m.end - m.start;
    for (let w = m.start; w < m.end; w++) clauseCountries.set(clauseOf[w]!, names[0]!);
  }
  if (placed < needed) countries.clear();
  return {
    topics: [...topics],
    weakTopics: [...weakTopics].filter((t) => !topics.has(t)),
    countries: [...countries],
    clauseCountries,
  };
}
