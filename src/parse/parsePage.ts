import type { DateOrder, Diagnostic, Layout, PageFacts, PageKind, ParsedPage, RawItem } from '../types.js';
import { normalizeText } from '../text/normalizeText.js';
import { splitLines } from './splitLines.js';
import { labelledDateProblem, parseLabelledDate } from './parseLabelledDate.js';
import { chooseNumericOrder } from './chooseNumericOrder.js';
import { buildUnits, type Unit } from './buildUnits.js';
import { describeText } from './describeText.js';
import { chooseDateOrder, type Header } from './chooseDateOrder.js';

/** What the caller knows that the parser does not: the gazetteer's test for a line of country names. */
export interface ParseOptions {
  /** whether a line is a list of country names ("Belize, Costa Rica", "Nicaragua"): a tag line or a heading */
  isCountryList?: (text: string) => boolean;
}

interface Draft {
  title: Unit;
  date: string | null;
  tags: Unit | null;
  /** paragraphs, each a list of lines (bullets on lines of their own) */
  paragraphs: string[][];
  lines: number[];
  dateline: string | null;
}

/** Section labels after which a page lists links to other stories. */
const SECTION =
  /^(most read|most popular|related news|related stories|related articles|you may also like|see also|also read|lo m[aá]s le[ií]do|m[aá]s le[ií]d[ao]s|noticias relacionadas|art[ií]culos relacionados|ver tambi[eé]n)\s*:?$/i;

/** The marks of a Markdown heading: `## ` before a title. */
const MARKDOWN_HEADING = /^#{1,6}\s+(?=\S)/;

const NOTE_FOR = {
  furniture: 'page furniture (a link, share line, breadcrumb, pagination, separator or section label), not an item',
  marker: 'language marker of the item below, not an item',
};

/**
 * Parses one page into items and diagnostics, choosing per page the reading that explains it best. Each line is
 * first classed on its own (date, furniture, language marker, list line, text; text as title-like or
 * paragraph-like), then the page's dates are paired with titles: before each title (dated blocks) or after it
 * (title, tag line, date, summary), whichever fits more of the page's dates. A title-like line followed by
 * paragraphs starts an undated item; one with nothing under it is a heading (before the first item) or a stray
 * line (a warning). A page whose one dated item opens it and runs on for paragraphs, or carries a tag line, is
 * an article: one item whose summary is its first paragraph and whose body is its whole text.
 * Never throws on page content; every non-blank line ends in an item or a diagnostic.
 *
 * @example
 * parsePage('4 December, 2017\n\nA title\n\nA summary.', 'p.txt').items[0]
 * //=> { title: 'A title', date: '2017-12-04', summary: 'A summary.', source: { file: 'p.txt', line: 3 }, lines: [1, 3, 5] }
 */
export function parsePage(text: string, file: string, options: ParseOptions = {}): ParsedPage {
  // (a Markdown heading's marks are not part of its text: "## A title")
  const lines = splitLines(text).map((l) => normalizeText(l).replace(MARKDOWN_HEADING, ''));
  const numericOrder = chooseNumericOrder(lines);
  const units = buildUnits(lines, options.isCountryList, numericOrder);
  const nonBlank = lines.filter((l) => l !== '').length;
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: string, text?: string, level?: Diagnostic['level']) =>
    diagnostics.push({
      file,
      line,
      message,
      ...(text === undefined ? {} : { text }),
      ...(level === undefined ? {} : { level }),
    });
  /** a unit that is left out: one diagnostic per line, the text of that line */
  const leaveOut = (u: Unit, message: string, level?: Diagnostic['level']) => {
    for (const n of u.lines) warn(n, message, lines[n - 1], level);
  };

  // asked of the same units many times over while the dates are paired (each order reads each date line): once per
  // unit and text (a unit that takes in the line above it is asked again, and its shape changes with its text)
  const names = new Map<Unit, { text: string; shape: Unit['shape']; value: boolean }>();
  const isNames = (u: Unit) => {
    const known = names.get(u);
    if (known !== undefined && known.text === u.text && known.shape === u.shape) return known.value;
    const value =
      u.kind === 'text' && u.text.length <= 200 && (u.shape.nameList || (options.isCountryList?.(u.text) ?? false));
    names.set(u, { text: u.text, shape: u.shape, value });
    return value;
  };
  const content = units.filter((u) => u.kind === 'text' || u.kind === 'bullet' || u.kind === 'date');
  const choice = chooseDateOrder(content, isNames);
  const headerOf = new Map<Unit, Header>();
  for (const h of choice.headers) headerOf.set(h.title, h);
  const claimed = new Set<Unit>();
  for (const h of choice.headers) {
    claimed.add(h.title);
    if (h.date) claimed.add(h.date);
    if (h.tags) claimed.add(h.tags);
  }

  // Article: the page's one dated item opens it and carries a tag line, or runs on for paragraphs.
  const first = choice.headers[0];
  const firstAt = first ? content.indexOf(first.title) : -1;
  const before = first ? content.slice(0, Math.min(firstAt, first.date ? content.indexOf(first.date) : firstAt)) : [];
  // where the head (title, date and tag line, in whatever order) ends
  const headEnd = first
    ? Math.max(...[first.title, first.date, first.tags].filter((u) => u !== null).map((u) => content.indexOf(u)))
    : -1;
  // date, title, then a line of names: the tag line of an article whose date comes first
  const [t0, t1] = [content[headEnd + 1], content[headEnd + 2]];
  const tagsUnder = first?.tags === null && t0 && isNames(t0) && t1 !== undefined && isSummary(t1) ? t0 : null;
  // (a date-first title counts among the titles after its date: one dated item then undated ones is a listing)
  const after = first ? content.slice(content.indexOf(first.date ?? first.title) + 1) : [];
  const paragraphsAfter = after.filter((u) => u.kind === 'text' && u.shape.paragraphLike).length;
  const titlesAfter = after.filter(
    (u, k) =>
      u !== tagsUnder &&
      u.kind === 'text' &&
      u.shape.titleLike &&
      // much shorter than the page's first title: an article's subheading ("What comes next"), not a story's
      // title; a listing of short titles ("Shelter Opens in Chiapas") keeps its titles
      u.text.length >= Math.min(30, 0.6 * first!.title.text.length) &&
      after[k + 1]?.kind === 'text' &&
      after[k + 1]!.shape.paragraphLike,
  ).length;
  const article =
    choice.headers.length === 1 &&
    first?.date !== null &&
    before.every((u) => u.kind === 'text' && u.shape.titleLike) &&
    (first?.tags !== null || tagsUnder !== null || (paragraphsAfter >= 3 && titlesAfter * 2 < paragraphsAfter));

  /** text and list units per block: a title alone in its block stands apart from its summary */
  const perBlock = new Map<number, number>();
  for (const u of units)
    if (u.kind === 'text' || u.kind === 'bullet') perBlock.set(u.block, (perBlock.get(u.block) ?? 0) + 1);
  const standsAlone = (u: Unit) => perBlock.get(u.block) === 1;
  /** a line as long as the lines of the hard-wrapped paragraph under it: the paragraph's first line */
  const fillsWidth = (u: Unit, para: Unit) =>
    para.lines.length >= 2 &&
    u.text.length >= 0.85 * para.lines.slice(0, -1).reduce((m, n) => Math.max(m, lines[n - 1]!.length), -Infinity);

  const items: RawItem[] = [];
  let current: Draft | null = null;
  let heading: string | undefined;
  /** after "Related news", "Most read": titles with no summary are links to other stories */
  let related = false;
  const finish = () => {
    if (!current) return;
    const d = current;
    const paras = d.paragraphs.map((p) => p.join('\n'));
    const facts: PageFacts = {};
    if (d.tags) facts.tags = splitNames(d.tags.text);
    if (heading !== undefined) facts.heading = heading;
    if (d.dateline) facts.dateline = d.dateline;
    items.push({
      title: d.title.text,
      date: d.date,
      summary: article ? (paras[0] ?? '') : paras.join('\n\n'),
      source: { file, line: d.title.lines[0]! },
      lines: [...d.lines].sort((a, b) => a - b),
      ...(article && paras.length > 1 ? { body: paras.join('\n\n') } : {}),
      ...(Object.keys(facts).length ? { facts } : {}),
    });
    current = null;
  };
  const start = (title: Unit, header: Header | null, extra: number[] = []) => {
    finish();
    const lines = [...title.lines, ...extra];
    if (header?.date) for (const x of header.date.lines) lines.push(x);
    if (header?.tags) for (const x of header.tags.lines) lines.push(x);
    current = {
      title,
      date: header?.date ? parseLabelledDate(header.date.text, numericOrder) : null,
      tags: header?.tags ?? null,
      paragraphs: [],
      lines,
      dateline: null,
    };
    if (title.shape.paragraphLike || title.shape.doubtful)
      warn(
        title.lines[0]!,
        title.shape.paragraphLike
          ? 'read as a title, but it reads like a paragraph: check the items around it'
          : 'read as a title, but it is long for one: check the items around it',
        title.text,
        'doubt',
      );
  };
  const addParagraph = (u: Unit) => {
    const d = current!;
    if (u.kind === 'bullet' && d.paragraphs.length > 0 && !u.blankBefore)
      d.paragraphs[d.paragraphs.length - 1]!.push(u.text);
    else d.paragraphs.push([u.text]);
    if (d.paragraphs.length === 1 && u.kind === 'text') d.dateline = u.shape.dateline;
    for (const x of u.lines) d.lines.push(x);
  };

  for (const d of choice.unplaced) leaveOut(d.unit, d.message);
  for (const d of choice.doubts) warn(d.unit.lines[0]!, d.message, d.unit.text, 'doubt');

  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    switch (u.kind) {
      case 'furniture':
      case 'marker':
        leaveOut(u, NOTE_FOR[u.kind], 'note');
        if (SECTION.test(u.text)) related = true;
        continue;
      case 'noWords':
        leaveOut(u, 'line has no words (only punctuation or symbols)');
        continue;
      case 'badDate':
        leaveOut(
          u,
          labelledDateProblem(u.text, numericOrder) ?? 'line looks like a date but names no real calendar day',
        );
        continue;
      case 'date':
        continue; // placed with its title, or left out by chooseDateOrder
      case 'bullet':
        if (choice.unplacedUnits.has(u)) continue;
        if (!current) leaveOut(u, 'list line before any title: nothing to attach it to');
        else addParagraph(u);
        continue;
    }
    // text
    if (claimed.has(u) && !headerOf.has(u)) continue; // a tag line, placed with its title
    const header = headerOf.get(u);
    if (header) {
      related = false;
      start(u, header);
      continue;
    }
    const next = nextContent(units, k);
    if (related && u.shape.titleLike && !(next !== undefined && isSummary(next))) {
      leaveOut(u, 'a link to another story, under a section label', 'note');
      continue;
    }
    if (article && current) {
      const d = current as Draft;
      if (d.paragraphs.length === 0 && d.tags === null && isNames(u)) {
        // a line of names right under the head (date, title): the article's tag line
        d.tags = u;
        for (const x of u.lines) d.lines.push(x);
        continue;
      }
      addParagraph(u); // an article's subheadings and paragraphs are all its body
      continue;
    }
    const summaryNext = next !== undefined && isSummary(next) && !claimed.has(next);
    if (u.shape.titleLike) {
      const d = current as Draft | null;
      if (
        d &&
        d.paragraphs.length === 0 &&
        d.title.block === u.block &&
        d.title.lines.at(-1)! + 1 === u.lines[0] &&
        (summaryNext || next === undefined) &&
        wrappedTitle(d.title.text, u.text)
      ) {
        // a title-like line right under the title, with no blank line between: the title wrapped
        d.title = { ...d.title, text: `${d.title.text} ${u.text}`, lines: [...d.title.lines, ...u.lines] };
        for (const x of u.lines) d.lines.push(x);
        continue;
      }
      if (summaryNext) {
        const d2 = current as Draft | null;
        if (
          d2 &&
          standsAlone(d2.title) &&
          next!.kind === 'text' &&
          next!.block === u.block &&
          next!.lines[0] === u.lines.at(-1)! + 1 &&
          (d2.paragraphs.length === 0 || fillsWidth(u, next!))
        ) {
          // the item above stands apart from its summary (a blank line under its title), so a title-like line run
          // on into its summary with no blank line between is the summary's first line, wrapped before a capital;
          // further down the summary, only when the line is as long as the wrapped lines under it
          next!.text = `${u.text} ${next!.text}`;
          next!.lines.unshift(...u.lines);
          next!.shape = describeText(next!.text);
          continue;
        }
        start(u, null);
        continue;
      }
      if (
        next?.kind === 'text' &&
        next.shape.titleLike &&
        next.block === u.block &&
        next.lines[0] === u.lines.at(-1)! + 1 &&
        (!claimed.has(next) || headerOf.has(next)) &&
        wrappedTitle(u.text, next.text)
      ) {
        // two title-like lines with no blank between them and no summary under the first: one wrapped title
        next.text = `${u.text} ${next.text}`;
        next.lines.unshift(...u.lines);
        continue;
      }
      const after = next ? nextContent(units, units.indexOf(next)) : undefined;
      if (next && isNames(next) && !claimed.has(next) && after && isSummary(after) && !claimed.has(after)) {
        // an undated article: title, tag line, text
        claimed.add(next);
        start(u, { title: u, date: null, tags: next });
        continue;
      }
      if (!current && items.length === 0) {
        heading = u.text;
        leaveOut(u, 'page heading with no item under it', 'note');
      } else if (current) {
        // under an item, a short line with no full stop and no summary of its own: most likely the end of the
        // summary above (a sentence without its stop), possibly a stray line; kept, with a doubt
        addParagraph(u);
        warn(
          u.lines[0]!,
          next?.kind === 'date' && choice.order === 'date-first'
            ? 'a title-like line before a date line, but the dates on this page come before their titles: kept in the summary above'
            : 'a title-like line with no summary under it: kept in the summary above',
          u.text,
          'doubt',
        );
      } else {
        leaveOut(u, 'title-like line with no summary under it fits no item');
      }
      continue;
    }
    // a paragraph
    if (current) addParagraph(u);
    else if (summaryNext) start(u, null);
    else leaveOut(u, 'paragraph before any title: nothing to attach it to');
  }
  finish();

  const dated = items.filter((i) => i.date !== null).length;
  const layout: Layout =
    items.length === 0 ? 'empty' : dated && dated < items.length ? 'mixed' : dated ? 'dated' : 'undated';
  const kind: PageKind = items.length === 0 ? 'empty' : article ? 'article' : 'listing';
  const order: DateOrder = choice.order;
  const why = article
    ? `${choice.why}; one dated item opens the page and ${first?.tags || tagsUnder ? 'carries a tag line' : `runs on for ${paragraphsAfter} paragraphs`}: an article`
    : choice.why;
  const whyAll =
    numericOrder === 'month-first'
      ? `${why}; numeric dates read month first (a day over 12 in the second place, or the weekdays, show it)`
      : why;
  diagnostics.sort((a, b) => a.line - b.line);
  return { file, layout, kind, order, why: whyAll, items, diagnostics, nonBlankLines: nonBlank };
}

/**
 * Whether two title-like lines read as one title wrapped: the first long (35 characters or more) or as long as most
 * of the second, or ending with a word no title ends with. A short line over a long one is a heading over a title ("News", "Latest news").
 */
function wrappedTitle(first: string, second: string): boolean {
  return (
    first.length >= 35 ||
    first.length >= 0.8 * Math.min(second.length, 60) ||
    /(?:\s(?:of|the|and|in|for|to|on|de|la|del|y|en|a)|,)$/u.test(first)
  );
}

/** A unit that reads as (part of) a summary: a list line or a paragraph. */
const isSummary = (u: Unit) => u.kind === 'bullet' || (u.kind === 'text' && u.shape.paragraphLike);

/** The next unit that can belong to an item (text, list line or date), skipping furniture and markers. */
function nextContent(units: Unit[], k: number): Unit | undefined {
  for (let j = k + 1; j < units.length; j++) {
    const u = units[j]!;
    if (u.kind === 'text' || u.kind === 'bullet' || u.kind === 'date') return u;
  }
  return undefined;
}

/** "Belize, Costa Rica and Panama" → ["Belize", "Costa Rica", "Panama"]. */
function splitNames(text: string): string[] {
  return text
    .split(/\s*[,;|·]\s*|\s+(?:and|y)\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
