import type { Diagnostic, Layout, ParsedPage, RawItem } from '../types.js';
import { normalizeText } from '../text/normalizeText.js';
import { splitLines } from './splitLines.js';
import { dateLineProblem, parseDateLine } from './parseDateLine.js';

/** A line that continues the summary above as a list entry. */
const BULLET = /^[-–•*·▪●]\s+/u;
/** Endings after which a new line starts a new sentence (or a new item) rather than wrapping. */
const TERMINAL = /[.!?…:;"”’»)\]]$/u;
/** A line with nothing to read in it. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;

interface Draft {
  title: string;
  date: string | null;
  /** paragraphs, each a list of lines already joined where they wrapped */
  paragraphs: string[][];
  /** for each paragraph: its line numbers, and whether a blank line came before it */
  paragraphMeta: Array<{ lines: number[]; afterBlank: boolean }>;
  titleLine: number;
  lines: number[];
}

/**
 * Parses one page into items and diagnostics. Handles both layouts of the site and stretches of each on one
 * page: dated blocks (date line, title, one or more summary paragraphs) and undated title/summary lines
 * where "- " bullet lines continue the summary above, with wrapped lines and runs of blank lines.
 * Never throws on page content; every non-blank line ends in an item or a diagnostic.
 *
 * @example
 * parsePage('4 December, 2017\n\nA title\n\nA summary.', 'p.txt').items[0]
 * //=> { title: 'A title', date: '2017-12-04', summary: 'A summary.', source: { file: 'p.txt', line: 3 }, lines: [1, 3, 5] }
 */
export function parsePage(text: string, file: string): ParsedPage {
  const raw = splitLines(text);
  const items: RawItem[] = [];
  const diagnostics: Diagnostic[] = [];
  let nonBlank = 0;
  let dated = 0;
  let undated = 0;

  let current: Draft | null = null;
  /** a date line waiting for its title */
  let pendingDate: { date: string; line: number; text: string } | null = null;
  let blankBefore = false;

  const warn = (line: number, message: string, text?: string) =>
    diagnostics.push({ file, line, message, ...(text === undefined ? {} : { text }) });

  const finish = () => {
    if (!current) return;
    const summary = current.paragraphs.map((p) => p.join('\n')).join('\n\n');
    items.push({
      title: current.title,
      date: current.date,
      summary,
      source: { file, line: current.titleLine },
      lines: current.lines,
    });
    if (current.date) dated++;
    else undated++;
    current = null;
  };

  const newParagraph = (d: Draft, line: string, lineNo: number, afterBlank: boolean) => {
    d.paragraphs.push([line]);
    d.paragraphMeta.push({ lines: [lineNo], afterBlank });
  };
  /** a line that continues the last paragraph: joined to its last line, or (bullets) a line of its own */
  const continueParagraph = (d: Draft, lineNo: number) =>
    d.paragraphMeta[d.paragraphMeta.length - 1]!.lines.push(lineNo);

  const start = (title: string, lineNo: number, date: { date: string; line: number } | null) => {
    finish();
    current = {
      title,
      date: date?.date ?? null,
      paragraphs: [],
      paragraphMeta: [],
      titleLine: lineNo,
      lines: date ? [date.line, lineNo] : [lineNo],
    };
  };

  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    const line = normalizeText(raw[i] ?? '');
    if (line === '') {
      blankBefore = true;
      continue;
    }
    nonBlank++;
    const wasBlank = blankBefore;
    blankBefore = false;

    const date = parseDateLine(line);
    if (date) {
      if (pendingDate) warn(pendingDate.line, 'date line with no title after it', pendingDate.text);
      const cur = current as Draft | null;
      if (cur && cur.date === null && cur.paragraphs.length === 0) {
        // "Title / date / summary": the date belongs to the title just read.
        cur.date = date;
        cur.lines.push(lineNo);
        continue;
      }
      const last = cur?.paragraphs[cur.paragraphs.length - 1];
      const meta = cur?.paragraphMeta[cur.paragraphMeta.length - 1];
      if (
        cur &&
        meta?.afterBlank &&
        !wasBlank &&
        cur.paragraphs.length > 1 &&
        last?.length === 1 &&
        !TERMINAL.test(last[0]!)
      ) {
        // "…summary. / (blank) / Title / date": a one-line paragraph right above a date is the next item's title.
        cur.paragraphMeta.pop();
        cur.paragraphs.pop();
        cur.lines = cur.lines.filter((n) => !meta.lines.includes(n));
        start(last[0]!, meta.lines[0]!, null);
        (current as Draft | null)!.lines.push(...meta.lines.slice(1));
        (current as Draft | null)!.date = date;
        (current as Draft | null)!.lines.push(lineNo);
        continue;
      }
      finish();
      pendingDate = { date, line: lineNo, text: line };
      continue;
    }

    const badDate = dateLineProblem(line);
    if (badDate) {
      // a date line whose date is impossible: never a title; like a date line, it ends the item above
      // (unless that item is a title still waiting for its date)
      warn(lineNo, badDate, line);
      if ((current as Draft | null)?.paragraphs.length) finish();
      continue;
    }

    if (pendingDate) {
      if (BULLET.test(line) || NO_WORDS.test(line)) {
        warn(lineNo, 'expected a title after the date line above, found a list line', line);
        continue;
      }
      start(line, lineNo, pendingDate);
      pendingDate = null;
      continue;
    }

    if (NO_WORDS.test(line)) {
      warn(lineNo, 'line has no words (only punctuation or symbols)', line);
      continue;
    }
    const cur = current as Draft | null;
    if (!cur) {
      if (BULLET.test(line)) {
        warn(lineNo, 'list line before any title: nothing to attach it to', line);
        continue;
      }
      start(line, lineNo, null);
      continue;
    }

    cur.lines.push(lineNo);
    const paragraphs = cur.paragraphs;
    const last = paragraphs[paragraphs.length - 1];
    const lastLine = last?.[last.length - 1];

    if (BULLET.test(line)) {
      // A bullet continues the summary above (a title with bullets only gets them as its summary).
      if (last && !wasBlank) {
        last.push(line);
        continueParagraph(cur, lineNo);
      } else newParagraph(cur, line, lineNo, wasBlank);
      continue;
    }

    if (!last || lastLine === undefined) {
      if (!wasBlank && !TERMINAL.test(cur.title) && /^\p{Ll}/u.test(line)) {
        cur.title = `${cur.title} ${line}`; // a title that wrapped
      } else {
        newParagraph(cur, line, lineNo, wasBlank);
      }
      continue;
    }

    const wraps = !TERMINAL.test(lastLine) || /^\p{Ll}/u.test(line);
    if (cur.date !== null) {
      // Dated stretch: everything up to the next date line is this item's summary.
      if (!wasBlank && wraps && !BULLET.test(lastLine)) {
        last[last.length - 1] = `${lastLine} ${line}`;
        continueParagraph(cur, lineNo);
      } else newParagraph(cur, line, lineNo, wasBlank);
      continue;
    }

    // Undated stretch: a line after a finished summary starts the next item.
    if (wraps && !BULLET.test(lastLine)) {
      if (wasBlank) newParagraph(cur, line, lineNo, wasBlank);
      else {
        last[last.length - 1] = `${lastLine} ${line}`;
        continueParagraph(cur, lineNo);
      }
      continue;
    }
    cur.lines.pop();
    start(line, lineNo, null);
  }
  finish();
  if (pendingDate) warn(pendingDate.line, 'date line at the end of the page with no item after it', pendingDate.text);

  const layout: Layout = items.length === 0 ? 'empty' : dated && undated ? 'mixed' : dated ? 'dated' : 'undated';
  return { file, layout, items, diagnostics, nonBlankLines: nonBlank };
}
