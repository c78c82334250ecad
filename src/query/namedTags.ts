import type { Gazetteer } from '../enrich/compileGazetteer.js';
import type { TopicMatcher } from '../enrich/classifyTopics.js';
import type { Query } from './parseQuery.js';
import { findPhrases } from '../enrich/compilePhrases.js';
import { toWords } from '../text/tokenize.js';

/**
 * The topics and countries a query names, in English or Spanish: the query's words are read with the same
 * taxonomy and gazetteer as the items ("trata de personas" → trafficking, "guatemalteco" → Guatemala). Only
 * when every word of the query belongs to such a name, so "trafficking Honduras" is not a country query.
 */
export function namedTags(query: Query, gazetteer: Gazetteer, matcher: TopicMatcher): { topics: string[]; countries: string[] } {
  const text = query.include.filter((c) => !c.prefix).map((c) => c.terms.join(' ')).join(' ');
  const words = toWords(text).map((w) => ({ ...w, raw: w.raw.charAt(0).toUpperCase() + w.raw.slice(1) })); // queries are typed in lower case
  const topics = new Set<string>();
  const countries = new Set<string>();
  let covered = 0;
  for (const m of findPhrases(matcher.table, words)) {
    const strong = m.payload.filter((s) => s.topic !== null && s.strong);
    if (!strong.length) continue;
    strong.forEach((s) => topics.add(s.topic!));
    covered += m.end - m.start;
  }
  if (covered < words.length) topics.clear();
  let placed = 0;
  for (const m of findPhrases(gazetteer.table, words)) {
    const names = m.payload.countries.length ? m.payload.countries : [...new Set(m.payload.places.map((p) => p.country))];
    if (names.length !== 1) continue;
    countries.add(names[0]!);
    placed += m.end - m.start;
  }
  if (placed < words.length) countries.clear();
  return { topics: [...topics], countries: [...countries] };
}
