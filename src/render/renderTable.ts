import Table from 'cli-table3';
import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import type { Snippet } from '../query/makeSnippet.js';
import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';

/** Short id shown in tables: enough for `meso show` to find the item. */
export const shortId = (id: string) => id.slice(0, 7);

const countriesText = (item: Item) =>
  item.countries.length > 2
    ? `${item.countries.slice(0, 2).join(', ')} +${item.countries.length - 2}`
    : item.countries.join(', ');
const dateText = (item: Item) => item.date ?? (item.inferredDate ? `~${item.inferredDate.value}` : '—');

/** Marks the highlighted ranges of a snippet, escaping every part for the terminal first. */
export function highlight(snippet: Snippet, style: Style, maxChars: number): string {
  let { text, highlights } = snippet;
  if (text.length > maxChars) {
    let to = text.lastIndexOf(' ', maxChars - 1);
    if (to < maxChars / 2) to = maxChars - 1;
    text = `${text.slice(0, to)}…`;
    highlights = highlights.filter(([, e]) => e <= to);
  }
  let out = '';
  let pos = 0;
  for (const [s, e] of highlights) {
    if (s < pos) continue;
    out += escapeForTerminal(text.slice(pos, s));
    const word = escapeForTerminal(text.slice(s, e));
    out += style.color ? style.c.bold.yellow(word) : `*${word}*`;
    pos = e;
  }
  return out + escapeForTerminal(text.slice(pos));
}

/** A table of items (list) or hits (search) fitted to the terminal width: date, countries, title (+ snippet), id. */
export function renderTable(rows: Array<Item | Hit>, style: Style): string {
  const { c } = style;
  const dateW = 12;
  const idW = 9;
  const countryW = Math.max(12, Math.min(24, Math.floor(style.width * 0.18)));
  const titleW = Math.max(20, style.width - dateW - idW - countryW - 5);
  const table = new Table({
    head: ['Date', 'Countries', 'Title', 'ID'].map((h) => (style.color ? c.bold(h) : h)),
    colWidths: [dateW, countryW, titleW, idW],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: style.color ? ['grey'] : [], compact: true },
    chars: style.color
      ? {}
      : {
          top: '-',
          'top-mid': '+',
          'top-left': '+',
          'top-right': '+',
          bottom: '-',
          'bottom-mid': '+',
          'bottom-left': '+',
          'bottom-right': '+',
          left: '|',
          'left-mid': '+',
          mid: '-',
          'mid-mid': '+',
          right: '|',
          'right-mid': '+',
          middle: '|',
        },
  });
  for (const row of rows) {
    const hit = 'item' in row ? row : null;
    const item = hit ? hit.item : (row as Item);
    let title = escapeForTerminal(item.title);
    if (hit) {
      const t =
        hit.snippet.field === 'title' ? highlight(hit.snippet, style, 400) : style.color ? c.bold(title) : title;
      title =
        hit.snippet.field === 'title'
          ? t
          : `${t}\n${style.color ? c.dim(highlight(hit.snippet, style, (titleW - 2) * 2)) : highlight(hit.snippet, style, (titleW - 2) * 2)}`;
    }
    table.push([
      dateText(item),
      escapeForTerminal(countriesText(item)),
      title,
      style.color ? c.cyan(shortId(item.id)) : shortId(item.id),
    ]);
  }
  return `${table.toString()}\n`;
}

/** Plain lines for a pipe without a format flag: date, short id and title separated by tabs, grep-friendly. */
export function renderLines(rows: Array<Item | Hit>): string {
  return rows
    .map((row) => {
      const item = 'item' in row ? row.item : row;
      return `${item.date ?? ''}\t${shortId(item.id)}\t${escapeForTerminal(item.title)}\n`;
    })
    .join('');
}
