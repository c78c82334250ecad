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
 * body; else the title when only it matched; else the start of the summary. `words` gives a field's words (see
 * toWords), asked for only when that field is looked at.
 */
export function makeSnippet(
  item: Item,
  words: (field: 'title' | 'summary' | 'body') => Word[],
  isMatch: (w: Word) => boolean,
  width = SNIPPET_CHARS,
): Snippet {
  const summary = item.summary.replace(/\s*\n+\s*/g, ' ');
  const inSummary = bestWindow(summary, words('summary'), isMatch, width);
  if (inSummary) return inSummary;
  if (item.body) {
    const inBody = bestWindow(item.body.replace(/\s*\n+\s*/g, ' '), words('body'), isMatch, width);
    if (inBody) return { ...inBody, field: 'body' };
  }
  const tw = words('title').filter(isMatch);
  if (tw.length > 0) return { field: 'title', text: item.title, highlights: tw.map((w) => [w.start, w.end]) };
  return cut(summary, 0, width, []);
}

/** The densest window of matched words in a text (its newlines made spaces), or null when none matches. */
function bestWindow(text: string, found: Word[], isMatch: (w: Word) => boolean, width: number): Snippet | null {
  // offsets were taken on the text with newlines; replacing "\n\n" changes them, so re-find words, in order
  // (a word not found is left out): their bounds in `text`, and which of them match
  const starts = new Int32Array(found.length);
  const ends = new Int32Array(found.length);
  const hitsIdx: number[] = [];
  let count = 0;
  for (let k = 0, pos = 0; k < found.length; k++) {
    const w = found[k]!;
    const at = text.indexOf(w.raw, pos);
    if (at < 0) continue;
    pos = at + w.raw.length;
    starts[count] = at;
    ends[count] = pos;
    if (isMatch(w)) hitsIdx.push(count);
    count++;
  }
  if (hitsIdx.length === 0) return null;
  // densest window: the start word whose window of `width` characters holds the most matches (indexed loops,
  // no destructuring: this runs once per printed hit, before V8 optimises it, where each makes garbage)
  let best = hitsIdx[0]!;
  let bestCount = 0;
  for (let h = 0; h < hitsIdx.length; h++) {
    const start = starts[hitsIdx[h]!]!;
    let n = 0;
    for (let g = 0; g < hitsIdx.length; g++) {
      const k = hitsIdx[g]!;
      if (starts[k]! >= start && ends[k]! <= start + width) n++;
    }
    if (n > bestCount) {
      best = hitsIdx[h]!;
      bestCount = n;
    }
  }
  const lead = Math.floor(width / 4);
  let from = Math.max(0, starts[best]! - lead);
  // the first word that starts in the window
  let first = 0;
  while (first < count && starts[first]! < from) first++;
  if (from > 0 && first < count) from = starts[first]!;
  return cut(
    text,
    from,
    width,
    hitsIdx.map((i) => [starts[i]!, ends[i]!] as [number, number]),
  );
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
