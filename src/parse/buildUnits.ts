import { classifyLine, type LineKind } from './classifyLine.js';
import { describeText, type TextShape } from './describeText.js';
import type { NumericOrder } from './parseDateLine.js';

/** A line, or lines joined where they wrapped: what a layout is made of. */
export interface Unit {
  kind: LineKind;
  /** the text, wrapped lines joined with one space */
  text: string;
  /** 1-based line numbers */
  lines: number[];
  /** index of the block (run of non-blank lines) it sits in */
  block: number;
  /** a blank line (or the page start) comes right before it */
  blankBefore: boolean;
  /** for text units: what the text looks like */
  shape: TextShape;
}

/** Endings after which a new line starts a new sentence (or a new item) rather than wrapping. */
const TERMINAL = /[.!?…:;"”’»)\]]$/u;
/** A line that ends a sentence with a full stop (a title may end with ? or !, not with this). */
const FULL_STOP = /[.:;…]["”’»)\]]*$/u;
/** Words a title never ends with, so a line ending with one wrapped (English and Spanish). */
const OPEN_END =
  /(?:^|\s)(the|of|and|or|to|in|a|an|for|with|from|on|by|at|as|into|its|their|his|her|that|which|who|de|la|el|y|o|en|los|las|del|al|que|con|por|para|un|una|sus|su|se|e|u)$|[,–—-]$/u;
const LOWER_START = /^\p{Ll}/u;
const NO_SHAPE: TextShape = {
  titleLike: false,
  paragraphLike: false,
  nameList: false,
  dateline: null,
  doubtful: false,
};

/**
 * Cuts a page's lines into units: every date, furniture, marker and list line on its own; text lines joined
 * where they wrapped. A line wraps into the next when the next starts in lower case, or it ends with a comma or
 * a word no title ends with; on a hard-wrapped page (nearly every text line at most 120 characters, the longest at
 * least 45: the wrap width) it also wraps into a
 * capitalised line when it was full, unless, on a page without blank-separated parts, a title-like line would
 * swallow a finished sentence (a title and its summary with no blank line between them). A line of country names (the caller's test) never continues one.
 *
 * @example
 * buildUnits(['Title', 'Its summary.']).map(u => u.text)  //=> ['Title', 'Its summary.']
 * buildUnits(['A long line of the', 'Story continues.']).map(u => u.text)  //=> ['A long line of the Story continues.']
 */
export function buildUnits(
  lines: string[],
  isCountryList: (text: string) => boolean = () => false,
  /** how the page writes all-numeric dates */
  order: NumericOrder = 'day-first',
): Unit[] {
  const units: Unit[] = [];
  // each line is classed once
  const kinds = lines.map((l) => (l === '' ? null : classifyLine(l, order)));
  // a page of blank-separated parts puts titles (and dates) in blocks of their own, with no line ending in a
  // full stop: two such blocks show it (one may be a heading)
  let partBlocks = 0;
  for (let k = 0; k < lines.length; ) {
    if (lines[k] === '') {
      k++;
      continue;
    }
    let open = true;
    let text = false;
    for (; k < lines.length && lines[k] !== ''; k++) {
      const kind = kinds[k];
      if (kind === 'text' || kind === 'date') text = true;
      if (kind === 'text' && FULL_STOP.test(lines[k]!)) open = false;
    }
    if (open && text) partBlocks++;
  }
  const separated = partBlocks >= 2;
  // a hard-wrapped page: (nearly) every text line at most 120 characters; one long line among short ones is not
  const textLines = lines.filter((_, k) => kinds[k] === 'text');
  const width = textLines.reduce((w, l) => (l.length <= 120 && l.length > w ? l.length : w), 0);
  // and the width shows: two lines or more come close to it
  const wrappedPage =
    width >= 45 &&
    textLines.filter((l) => l.length <= 120).length >= 0.85 * textLines.length &&
    textLines.filter((l) => l.length <= width && l.length >= 0.85 * width).length >= 2;
  let block = -1;
  let i = 0;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    // one block: a run of non-blank lines
    block++;
    const start = i;
    while (i < lines.length && lines[i] !== '') i++;
    const rows = lines.slice(start, i).map((text, k) => ({ text, no: start + k + 1, kind: kinds[start + k]! }));
    const textRows = rows.filter((r) => r.kind === 'text');
    const maxLen = textRows.reduce((m, r) => Math.max(m, r.text.length), 0);
    const hardWrapped = wrappedPage && textRows.length >= 2 && maxLen <= 120;
    let open: Unit | null = null;
    for (const [k, r] of rows.entries()) {
      const blankBefore = k === 0;
      if (r.kind !== 'text') {
        units.push({ kind: r.kind, text: r.text, lines: [r.no], block, blankBefore, shape: NO_SHAPE });
        open = null;
        continue;
      }
      const prev = rows[k - 1];
      // a line of country names between a title and its date is a tag line, not the title wrapping
      if (
        open &&
        prev?.kind === 'text' &&
        !(
          !LOWER_START.test(r.text) &&
          isCountryList(r.text) &&
          !isCountryList(open.text.replace(/,$/, '')) &&
          !OPEN_END.test(prev.text) &&
          rows[k + 1] !== undefined &&
          rows[k + 1]!.kind === 'date'
        ) &&
        wraps(open.text, prev.text, r.text, hardWrapped, width, separated)
      ) {
        open.text = `${open.text} ${r.text}`;
        open.lines.push(r.no);
        continue;
      }
      open = { kind: 'text', text: r.text, lines: [r.no], block, blankBefore, shape: NO_SHAPE };
      units.push(open);
    }
  }
  for (const u of units) if (u.kind === 'text') u.shape = describeText(u.text);
  return units;
}

/** A line that opens mid-sentence: a capitalised word, then a comma and a lower-case word ("Affairs, and …"). */
const RUNS_ON = /^\p{Lu}[\p{L}'’-]*,\s+\p{Ll}/u;

/** Whether `line` continues `last` (the last line of the unit `sofar`) rather than starting a new unit. */
function wraps(
  sofar: string,
  last: string,
  line: string,
  hardWrapped: boolean,
  /** the page's wrap width: its longest text line */
  width: number,
  /** the page separates its parts (titles, summaries) by blank lines */
  separated: boolean,
): boolean {
  if (LOWER_START.test(line)) return true;
  if (TERMINAL.test(last)) return false;
  if (OPEN_END.test(last)) return true;
  // "… the Ministry of Foreign / Affairs, and included …": on a page that sets its titles apart by blank lines, a
  // capitalised word, a comma and a lower-case word run on from a long unfinished line, whether or not the page
  // shows its wrap width (where titles and summaries touch, a summary may open so: "Music, food and dance …")
  if (separated && last.length >= 50 && RUNS_ON.test(line)) return true;
  if (!hardWrapped) return false;
  if (describeText(line).dateline !== null) return false; // "Tegucigalpa – …" opens a story
  if (sofar.length > 250 || !describeText(sofar).titleLike) return true; // a paragraph runs on
  // a line that broke before the page's width was not wrapped; on a page without blank-separated parts, a
  // title-like line and a capitalised line ending a sentence are a title and its summary
  const firstWord = line.split(' ')[0]!.length;
  const full = last.length + 1 + firstWord > 0.85 * width;
  return full && (separated || !TERMINAL.test(line));
}
