import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { cutText, textWidth } from './fitText.js';

/** One row of `meso countries` or `meso topics`. */
export interface FacetRow {
  value: string;
  count: number;
  /** countries: items that have it as their primary country */
  primary?: number;
  /** topics: the topic's label */
  label?: string;
  /** the items that pass the filters, the same on every row */
  total: number;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - textWidth(s)));

/**
 * Counts per country or topic for a terminal: aligned columns (value, items, then primary or label) and a
 * closing `(items)` row with how many items passed the filters. Values and labels are cut to fit the width.
 */
export function renderFacetTable(rows: FacetRow[], facet: 'countries' | 'topics', total: number, style: Style): string {
  const width = Math.max(20, style.width);
  const name = facet === 'topics' ? 'topic' : 'country';
  const valueW = Math.min(
    Math.max(name.length, 7, ...rows.map((r) => textWidth(escapeForTerminal(r.value)))),
    width - 16,
  );
  const head = `${pad(name, valueW)}  items  ${facet === 'countries' ? 'primary' : 'label'}`;
  const lines = [style.color ? style.c.bold(cutText(head, width)) : cutText(head, width)];
  for (const r of rows) {
    const value = pad(cutText(escapeForTerminal(r.value), valueW), valueW);
    const last =
      facet === 'countries'
        ? String(r.primary ?? 0).padStart(7)
        : cutText(escapeForTerminal(r.label ?? ''), width - valueW - 9);
    lines.push(`${value}  ${String(r.count).padStart(5)}  ${last}`.trimEnd());
  }
  lines.push(`${pad('(items)', valueW)}  ${String(total).padStart(5)}`);
  return `${lines.join('\n')}\n`;
}
