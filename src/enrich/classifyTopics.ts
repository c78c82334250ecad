import type { Evidence } from '../types.js';
import type { Taxonomy } from './tables.js';
import { compilePhrases, findPhrases, type PhraseTable } from './compilePhrases.js';
import { toWords } from '../text/tokenize.js';
import type { TextWords } from './detectCountries.js';

/** A compiled pattern: which topic (null for an exclusion) and how strongly it signals it. */
interface Signal {
  topic: string | null;
  strong: boolean;
}

/** The taxonomy compiled for matching. */
export interface TopicMatcher {
  taxonomy: Taxonomy;
  table: PhraseTable<Signal[]>;
}

/** Compiles the taxonomy; exclusions ("drug trafficking") are phrases that win by length and mean nothing. */
export function compileTopics(taxonomy: Taxonomy): TopicMatcher {
  const byText = new Map<string, Signal[]>();
  const add = (text: string, s: Signal) => {
    const key = text.toLowerCase();
    const list = byText.get(key) ?? [];
    if (!list.some((x) => x.topic === s.topic)) list.push(s);
    byText.set(key, list);
  };
  for (const t of taxonomy.topics) {
    for (const lang of [t.en, t.es]) {
      for (const p of lang.strong) add(p, { topic: t.id, strong: true });
      for (const p of lang.weak) add(p, { topic: t.id, strong: false });
    }
    for (const p of t.exclude) add(p, { topic: null, strong: false });
  }
  return { taxonomy, table: compilePhrases([...byText.entries()].map(([text, payload]) => ({ text, payload }))) };
}

/**
 * Tags an item with the topics it is about. Points per match: strong pattern 3 in the title, 2 for the first
 * in the summary and 1 for each more; weak pattern 2 in the title, 1 in the summary. Tagged at the taxonomy's
 * threshold, so one passing word in a summary is not enough. Topics come out strongest first.
 *
 * @example
 * classifyTopics(matcher, 'Fighting human trafficking', 'A workshop.').topics  //=> ['trafficking']
 */
export function classifyTopics(
  matcher: TopicMatcher,
  title: string,
  summary: string,
  words: TextWords = { title: toWords(title), summary: toWords(summary) },
): { topics: string[]; evidence: Evidence[] } {
  const score = new Map<string, number>();
  const strongSeen = new Set<string>();
  const found = new Map<string, Set<string>>();
  for (const [ws, inTitle] of [
    [words.title, true],
    [words.summary, false],
  ] as const) {
    for (const m of findPhrases(matcher.table, ws)) {
      for (const s of m.payload) {
        if (s.topic === null) continue;
        let points: number;
        if (inTitle) points = s.strong ? 3 : 2;
        else if (s.strong) points = strongSeen.has(s.topic) ? 1 : 2;
        else points = 1;
        if (s.strong && !inTitle) strongSeen.add(s.topic);
        score.set(s.topic, (score.get(s.topic) ?? 0) + points);
        const w = found.get(s.topic) ?? new Set();
        w.add(m.text.toLowerCase());
        found.set(s.topic, w);
      }
    }
  }
  const topics = [...score.entries()]
    .filter(([, n]) => n >= matcher.taxonomy.threshold)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
  return {
    topics,
    evidence: topics.map((t) => ({ kind: 'topic' as const, label: t, words: [...(found.get(t) ?? [])] })),
  };
}
