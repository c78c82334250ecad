import type { Diagnostic, PageFacts, RawItem, Source } from '../types.js';
import { itemId } from './itemId.js';

/** An item merged from every page that lists it, before enrichment. */
export interface MergedItem {
  id: string;
  title: string;
  date: string | null;
  summary: string;
  /** the whole text, from a page that gives it (an article page), else null */
  body: string | null;
  sources: Source[];
  /** what the pages say about it besides its text: tag lines, headings, datelines (all pages' together) */
  facts: PageFacts;
}

/**
 * Merges raw items by id: one item per story, keeping every source, the date from a page that lists one
 * (the first such page when two disagree, with a diagnostic), the fuller summary, the longest body, and the
 * facts the pages state (the first of each kind).
 */
export function mergeItems(raw: RawItem[]): { items: MergedItem[]; merged: number; diagnostics: Diagnostic[] } {
  const byId = new Map<string, MergedItem>();
  /** where each kept date was listed, to name it when another page disagrees */
  const dateFrom = new Map<string, Source>();
  const diagnostics: Diagnostic[] = [];
  let merged = 0;
  for (const r of raw) {
    const id = itemId(r.title);
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, {
        id,
        title: r.title,
        date: r.date,
        summary: r.summary,
        body: r.body ?? null,
        sources: [r.source],
        facts: { ...r.facts },
      });
      if (r.date !== null) dateFrom.set(id, r.source);
      continue;
    }
    merged++;
    seen.sources.push(r.source);
    if (r.summary.length > seen.summary.length) seen.summary = r.summary;
    if (r.body !== undefined && r.body.length > (seen.body?.length ?? 0)) seen.body = r.body;
    if (r.facts?.tags && !seen.facts.tags) seen.facts.tags = r.facts.tags;
    if (r.facts?.heading && !seen.facts.heading) seen.facts.heading = r.facts.heading;
    if (r.facts?.dateline && !seen.facts.dateline) seen.facts.dateline = r.facts.dateline;
    if (seen.date === null && r.date !== null) {
      seen.date = r.date;
      seen.title = r.title;
      dateFrom.set(id, r.source);
    } else if (r.date !== null && seen.date !== r.date) {
      const from = dateFrom.get(id)!;
      diagnostics.push({
        file: r.source.file,
        line: r.source.line,
        message: `same story as ${from.file}:${from.line}, but dated ${r.date} here; kept ${seen.date}`,
      });
    }
  }
  return { items: [...byId.values()], merged, diagnostics };
}
