import type { Evidence, Item } from '../types.js';
import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { wrapText } from './fitText.js';

/** Wraps text at word boundaries to a width in terminal columns (graphemes kept whole), each line indented. */
export function wrap(text: string, width: number, indent = ''): string {
  return wrapText(text, width - indent.length)
    .map((line) => indent + line)
    .join('\n');
}

/** One item in full for `meso show`: title, facts, summary (and the rest of an article's text), sources, evidence. */
export function renderItem(item: Item, evidence: Evidence[], style: Style): string {
  const { c } = style;
  const e = (s: string) => escapeForTerminal(s);
  const width = Math.min(Math.max(style.width, 20), 100);
  // a fact: its label, then its value wrapped beside it (under it on a narrow terminal)
  const label = (s: string, value: string) => {
    const head = style.color ? c.dim(s.padEnd(10)) : s.padEnd(10);
    return wrapText(value, width - 10)
      .map((line, i) => (i === 0 ? head : ' '.repeat(10)) + line)
      .join('\n');
  };
  const date = item.date
    ? `${item.date} (listed)`
    : item.inferredDate
      ? `undated; inferred ${item.inferredDate.value} (${item.inferredDate.precision}) from "${e(item.inferredDate.evidence)}"`
      : 'undated';
  const out = [
    style.color ? c.bold(wrap(e(item.title), width)) : wrap(e(item.title), width),
    '',
    label('id', item.id),
    label('date', date),
    label(
      'countries',
      `${item.countries.map(e).join(', ') || '—'}${item.primaryCountry ? ` (primary: ${e(item.primaryCountry)})` : ''}`,
    ),
    label('places', item.places.map((p) => `${e(p.name)} (${e(p.country)})`).join(', ') || '—'),
    label('topics', item.topics.join(', ') || '—'),
    label('sources', item.sources.map((s) => e(`${s.file}:${s.line}`)).join(', ')),
    ...(item.body ? [label('kind', 'article page: the summary is its first paragraph, the full text follows')] : []),
    '',
    wrap(escapeForTerminal(item.summary, true), width),
  ];
  // an article page gives the whole text: the summary is its first paragraph, the rest follows
  if (item.body && item.body !== item.summary) {
    const rest = item.body.startsWith(item.summary)
      ? item.body.slice(item.summary.length).replace(/^\n+/, '')
      : item.body;
    out.push('', style.color ? c.dim('(full text)') : '(full text)', '', wrap(escapeForTerminal(rest, true), width));
  }
  if (evidence.length) {
    out.push('', style.color ? c.bold('Why') : 'Why');
    for (const ev of evidence)
      out.push(
        wrap(
          `${ev.kind.padEnd(8)}${e(ev.label)}: ${ev.words.map((w) => `"${e(w)}"`).join(', ')}${ev.kind === 'page' ? ' (the page says so: tag line or heading)' : ''}`,
          width,
          '  ',
        ),
      );
  }
  return `${out.join('\n')}\n`;
}
