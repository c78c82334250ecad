import Table from 'cli-table3';
import type { Item } from '../types.js';
import type { Hit } from '../query/searchItems.js';
import type { Snippet } from '../query/makeSnippet.js';
import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { cutText, textWidth, wrapText } from './fitText.js';
import { shortId } from './shortId.js';

const countriesText = (item: Item) =>
  item.countries.length > 2
    ? `${item.countries.slice(0, 2).join(', ')} +${item.countries.length - 2}`
    : item.countries.join(', ');
const dateText = (item: Item) => item.date ?? (item.inferredDate ? `~${item.inferredDate.value}` : '—');

/**
 * Marks the highlighted ranges of a snippet, escaping every part for the terminal first. A snippet wider than
 * `maxWidth` columns is cut on a grapheme boundary (never inside an emoji) and ends with `…`.
 */
export function highlight(snippet: Snippet, style: Style, maxWidth: number): string {
  let { text, highlights } = snippet;
  const cut = cutText(text, maxWidth);
  if (cut !== text) {
    text = cut.slice(0, -1); // without the "…"
    highlights = highlights.filter(([, e]) => e <= text.length);
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
  return out + escapeForTerminal(text.slice(pos)) + (cut !== snippet.text ? '…' : '');
}

/** ASCII borders when there is no colour (a pipe into a file, NO_COLOR): they survive any font and encoding. */
const ASCII_BORDERS = {
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
};

/**
 * A cli-table3 table with these column widths (padding included) whose cells are already wrapped to fit, so
 * that cli-table3 never has to cut one (it cuts by UTF-16 unit, which can split an emoji).
 */
export function fittedTable(head: string[], colWidths: number[], style: Style): Table.Table {
  return new Table({
    head: head.map((h) => (style.color ? style.c.bold(h) : h)),
    colWidths,
    wordWrap: false,
    style: { head: [], border: style.color ? ['grey'] : [], compact: true },
    chars: style.color ? {} : ASCII_BORDERS,
  });
}

/** A cell's text wrapped to a column of `width` columns (padding included). */
export const fitCell = (text: string, width: number) => wrapText(text, width - 2).join('\n');

/** Below this width a table's columns get too narrow to read: items are stacked instead. */
const STACK_BELOW = 50;
/** From this width up, the table has a countries column. */
const COUNTRIES_FROM = 72;

/** The title cell (and, for a search hit, the best passage under it), escaped and wrapped to `width` columns. */
function titleText(row: Item | Hit, style: Style, width: number): string {
  const { c } = style;
  const hit = 'item' in row ? row : null;
  const item = hit ? hit.item : (row as Item);
  const title = escapeForTerminal(item.title);
  if (!hit) return wrapText(title, width).join('\n');
  if (hit.snippet.field === 'title') return wrapText(highlight(hit.snippet, style, 400), width).join('\n');
  const passage = wrapText(highlight(hit.snippet, style, width * 2), width).join('\n');
  return `${wrapText(style.color ? c.bold(title) : title, width).join('\n')}\n${style.color ? c.dim(passage) : passage}`;
}

/**
 * A table of items (list) or hits (search) fitted to the terminal width: date, countries, title (+ snippet), id.
 * Narrower terminals drop the countries column; below 50 columns each item is stacked (date and id on one line,
 * the title under it). No line is wider than the terminal.
 */
export function renderTable(rows: Array<Item | Hit>, style: Style): string {
  if (rows.length === 0) return '';
  if (style.width < STACK_BELOW) return renderStacked(rows, style);
  const { c } = style;
  const dateW = 13;
  const idW = 9;
  const withCountries = style.width >= COUNTRIES_FROM;
  const countryW = withCountries ? Math.max(12, Math.min(24, Math.floor(style.width * 0.18))) : 0;
  const borders = withCountries ? 5 : 4;
  const titleW = style.width - dateW - idW - countryW - borders;
  const head = withCountries ? ['Date', 'Countries', 'Title', 'ID'] : ['Date', 'Title', 'ID'];
  const table = fittedTable(head, withCountries ? [dateW, countryW, titleW, idW] : [dateW, titleW, idW], style);
  for (const row of rows) {
    const item = 'item' in row ? row.item : row;
    const id = style.color ? c.cyan(shortId(item.id)) : shortId(item.id);
    const title = titleText(row, style, titleW - 2);
    const cells = withCountries
      ? [dateText(item), fitCell(escapeForTerminal(countriesText(item)), countryW), title, id]
      : [dateText(item), title, id];
    table.push(cells);
  }
  return `${table.toString()}\n`;
}

/** Items one under another for a narrow terminal: `date  id  countries` cut to the width, then the title wrapped. */
function renderStacked(rows: Array<Item | Hit>, style: Style): string {
  const { c } = style;
  const width = Math.max(10, style.width);
  const blocks = rows.map((row) => {
    const item = 'item' in row ? row.item : row;
    // the date and id whole (the id is what `meso show` takes), then as much of the countries as fits
    const lead = `${dateText(item)}  ${shortId(item.id)}`;
    const countries = escapeForTerminal(countriesText(item));
    const room = width - textWidth(lead) - 2;
    const facts = countries && room >= 4 ? `${lead}  ${cutText(countries, room)}` : cutText(lead, width);
    const head = style.color ? c.dim(facts) : facts;
    return `${head}\n${titleText(row, style, width)}\n`;
  });
  return blocks.join('\n');
}
