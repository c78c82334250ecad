import type { Item } from '../types.js';
import type { Word } from '../text/tokenize.js';

/** A passage of an item with the matched words marked as [start, end) offsets (UTF-16) into `text`. */
export interface Snippet {
  field: 'title' | 'summary' | 'body';
  text: string;
  highlights: Array<[number, number]>;
}

/** Characters of context a snippet aims for; renderers trim further to the terminal width. */
export const SNIPPET_CHARS = 200;

/**
 * Picks the best passage for a hit: the stretch of the summary with the most matched words (window of
 * {@link SNIPPET_CHARS}, cut at word boundaries, "…" where it was cut); else, for an article, the stretch of its
 * body; else the title when only it matched; else the start of the summary.
 */
export function makeSnippet(
  item: Item,
  words: { title: Word[]; summary: Word[]; body?: Word[] },
  isMatch: (w: Word) => boolean,
  width = SNIPPET_CHARS,
): Snippet {
  const summary = item.summary.replace(/\s*\n+\s*/g, ' ');
  const inSummary = bestWindow(summary, words.summary, isMatch, width);
  if (inSummary) return inSummary;
  if (item.body && words.body?.length) {
    const inBody = bestWindow(item.body.replace(/\s*\n+\s*/g, ' '), words.body, isMatch, width);
    if (inBody) return { ...inBody, field: 'body' };
  }
  const tw = words.title.filter(isMatch);
  if (tw.length > 0) return { field: 'title', text: item.title, highlights: tw.map((w) => [w.start, w.end]) };
  return cut(summary, 0, width, []);
}

/** The densest window of matched words in a text (its newlines made spaces), or null when none matches. */
function bestWindow(text: string, found: Word[], isMatch: (w: Word) => boolean, width: number): Snippet | null {
  // offsets were taken on the text with newlines; replacing "\n\n" changes them, so re-find words
  const sw = found.length ? wordsIn(text, found) : [];
  const hitsIdx = sw.map((w, i) => (isMatch(w) ? i : -1)).filter((i) => i >= 0);
  if (hitsIdx.length === 0) return null;
  // densest window: the start word whose window of `width` characters holds the most matches
  let best = hitsIdx[0]!;
  let bestCount = 0;
  for (const i of hitsIdx) {
    const start = sw[i]!.start;
    const n = hitsIdx.filter((k) => sw[k]!.start >= start && sw[k]!.end <= start + width).length;
    if (n > bestCount) [best, bestCount] = [i, n];
  }
  const lead = Math.floor(width / 4);
  let from = Math.max(0, sw[best]!.start - lead);
  const wordStart = sw.find((w) => w.start >= from);
  if (from > 0 && wordStart) from = wordStart.start;
  return cut(
    text,
    from,
    width,
    hitsIdx.map((i) => [sw[i]!.start, sw[i]!.end] as [number, number]),
  );
}

/** Maps words found in the original summary onto the summary with newlines made spaces. */
function wordsIn(text: string, original: Word[]): Word[] {
  const out: Word[] = [];
  let pos = 0;
  for (const w of original) {
    const at = text.indexOf(w.raw, pos);
    if (at < 0) continue;
    out.push({ ...w, start: at, end: at + w.raw.length });
    pos = at + w.raw.length;
  }
  return out;
}

function cut(text: string, from: number, width: number, ranges: Array<[number, number]>): Snippet {
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const pre = from > 0 ? '…' : '';
  const post = to < text.length ? '…' : '';
  const body = text.slice(from, to);
  const shift = pre.length - from;
  const highlights = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { field: 'summary', text: pre + body + post, highlights };
}
