import type { Diagnostic, RawItem, Source } from '../types.js';
import { itemId } from './itemId.js';

/** An item merged from every page that lists it, before enrichment. */
export interface MergedItem {
  id: string;
  title: string;
  date: string | null;
  summary: string;
  sources: Source[];
}

/**
 * Merges raw items by id: one item per story, keeping every source, the date from a page that lists one
 * (the first such page when two disagree, with a diagnostic), and the fuller summary.
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
      byId.set(id, { id, title: r.title, date: r.date, summary: r.summary, sources: [r.source] });
      if (r.date !== null) dateFrom.set(id, r.source);
      continue;
    }
    merged++;
    seen.sources.push(r.source);
    if (r.summary.length > seen.summary.length) seen.summary = r.summary;
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
