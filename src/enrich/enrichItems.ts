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
  merged: Array<Omit<MergedItem, 'body' | 'facts'> & Partial<Pick<MergedItem, 'body' | 'facts'>>>,
  enrichers: Enrichers,
): { items: Item[]; evidence: Record<string, Evidence[]> } {
  const evidence: Record<string, Evidence[]> = {};
  const items = merged.map((m): Item => {
    // an article's whole text says more than its summary: countries and topics are read from it
    const text = m.body ?? m.summary;
    const words = { title: toWords(m.title), summary: toWords(text) };
    const c = detectCountries(enrichers.gazetteer, m.title, text, words, m.facts);
    const t = classifyTopics(enrichers.topics, m.title, text, words);
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
      body: m.body ?? null,
      countries: c.countries,
      primaryCountry: c.primaryCountry,
      places: c.places,
      topics: t.topics,
      sources: m.sources,
      ...(m.facts && Object.keys(m.facts).length ? { facts: m.facts } : {}),
    };
  });
  return { items, evidence };
}
