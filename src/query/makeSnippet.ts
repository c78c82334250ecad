import type { Item } from '../types.js';
import { eachWord } from '../text/tokenize.js';

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
 * body; else the title when only it matched; else the start of the summary. `isMatch` tells a matched word by its
 * folded term (see eachWord).
 */
export function makeSnippet(item: Item, isMatch: (term: string) => boolean, width = SNIPPET_CHARS): Snippet {
  const summary = item.summary.replace(/\s*\n+\s*/g, ' ');
  const inSummary = bestWindow(summary, isMatch, width);
  if (inSummary) return inSummary;
  if (item.body) {
    const inBody = bestWindow(item.body.replace(/\s*\n+\s*/g, ' '), isMatch, width);
    if (inBody) return { ...inBody, field: 'body' };
  }
  const title = wordsOf(item.title, isMatch);
  if (title.hits.length > 0) {
    const highlights = title.hits.map((i) => [title.starts[i]!, title.ends[i]!] as [number, number]);
    return { field: 'title', text: item.title, highlights };
  }
  return cut(summary, 0, width, []);
}

/**
 * The words of a text: their bounds, and which of them match (their numbers, in order). A character that folds to
 * several words ("½" to 1 and 2) gives them all its bounds: it counts as one word, matched if any of them is. No
 * object per word: a hit's text has a hundred words or so, of which a few match.
 */
function wordsOf(
  text: string,
  isMatch: (term: string) => boolean,
): { starts: number[]; ends: number[]; hits: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const hits: number[] = [];
  eachWord(text, (term, start, end) => {
    const last = starts.length - 1;
    if (last >= 0 && start < ends[last]!) {
      if (hits.at(-1) !== last && isMatch(term)) hits.push(last);
      return;
    }
    if (isMatch(term)) hits.push(starts.length);
    starts.push(start);
    ends.push(end);
  });
  return { starts, ends, hits };
}

/** The densest window of matched words in a text (its newlines made spaces), or null when none matches. */
function bestWindow(text: string, isMatch: (term: string) => boolean, width: number): Snippet | null {
  const { starts, ends, hits: hitsIdx } = wordsOf(text, isMatch);
  if (hitsIdx.length === 0) return null;
  const count = starts.length;
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
