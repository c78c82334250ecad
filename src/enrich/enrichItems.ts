import type { Evidence, Item } from '../types.js';
import type { MergedItem } from '../parse/mergeItems.js';
import type { Gazetteer } from './compileGazetteer.js';
import type { TopicMatcher } from './classifyTopics.js';
import { detectCountries } from './detectCountries.js';
import { classifyTopics } from './classifyTopics.js';
import { inferDate } from './inferDate.js';
import { toWords } from '../text/tokenize.js';

/** The tables the enrichers work from, compiled once. */
export interface Enrichers {
  gazetteer: Gazetteer;
  topics: TopicMatcher;
}

/**
 * Gives each merged item its countries, places, topics and date facts, and collects the evidence
 * (the words behind each) for `meso show`.
 */
export function enrichItems(
  merged: MergedItem[],
  enrichers: Enrichers,
): { items: Item[]; evidence: Record<string, Evidence[]> } {
  const evidence: Record<string, Evidence[]> = {};
  const items = merged.map((m): Item => {
    const words = { title: toWords(m.title), summary: toWords(m.summary) };
    const c = detectCountries(enrichers.gazetteer, m.title, m.summary, words);
    const t = classifyTopics(enrichers.topics, m.title, m.summary, words);
    const inferred = m.date === null ? inferDate(`${m.title}\n${m.summary}`) : null;
    const ev = [...c.evidence, ...t.evidence];
    if (inferred) ev.push({ kind: 'date', label: inferred.value, words: [inferred.evidence] });
    evidence[m.id] = ev;
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      dateSource: m.date === null ? null : 'listed',
      inferredDate: inferred,
      summary: m.summary,
      countries: c.countries,
      primaryCountry: c.primaryCountry,
      places: c.places,
      topics: t.topics,
      sources: m.sources,
    };
  });
  return { items, evidence };
}
