import type { DateOrder } from '../types.js';
import type { Unit } from './buildUnits.js';

/** The head of a dated item: its title, its date line, and the tag line between them if any. */
export interface Header {
  title: Unit;
  date: Unit | null;
  tags: Unit | null;
}

/** A date line's reading in one order: which title it goes with, and how well that fits. */
interface Fit {
  title: Unit;
  tags: Unit | null;
  /** 1 for a title-like line, 0.25 for a paragraph taken as a title; +0.5 when a summary follows */
  strength: number;
  /** list lines between a date and its title, which fit nowhere */
  skipped: Unit[];
}

/** How the dates of a page are paired with titles. */
export interface DateChoice {
  order: DateOrder;
  why: string;
  headers: Header[];
  /** date and list lines that fit no item, with the reason */
  unplaced: Array<{ unit: Unit; message: string }>;
  unplacedUnits: Set<Unit>;
  /** lines placed by a reading that may be wrong */
  doubts: Array<{ unit: Unit; message: string }>;
}

const isSummary = (u: Unit | undefined) =>
  u !== undefined && (u.kind === 'bullet' || (u.kind === 'text' && u.shape.paragraphLike));

/**
 * Pairs each date line with its title, choosing for the whole page where dates sit: before their titles
 * (date, title, summary) or after them (title, tag line, date, summary). Each order is scored by how many of the
 * page's date lines it explains (a title-like line where the order puts the title, a summary after), and the
 * better one is read; a date line that only the other order explains is read that way, with a doubt.
 *
 * @example
 * chooseDateOrder(buildUnits(['Title', '', '4 May, 2020', '', 'Summary.']), () => false).order  //=> 'title-first'
 */
export function chooseDateOrder(content: Unit[], isNames: (u: Unit) => boolean): DateChoice {
  const dates = content.flatMap((u, i) => (u.kind === 'date' ? [i] : []));
  const unplaced: DateChoice['unplaced'] = [];
  const doubts: DateChoice['doubts'] = [];
  if (dates.length === 0)
    return {
      order: 'none',
      why: 'no date lines: undated titles, each with the summary under it',
      headers: [],
      unplaced,
      unplacedUnits: new Set(),
      doubts,
    };

  const dateFirst = (p: number): Fit | null => {
    let j = p + 1;
    const skipped: Unit[] = [];
    while (content[j]?.kind === 'bullet') skipped.push(content[j++]!);
    const u = content[j];
    if (u?.kind !== 'text') return null;
    const after = content[j + 1];
    const bonus = after === undefined || after.kind === 'date' || isSummary(after) ? 0.5 : 0;
    return { title: u, tags: null, strength: (u.shape.titleLike ? 1 : 0.25) + bonus, skipped };
  };
  const titleFirst = (p: number): Fit | null => {
    const q = content[p - 1];
    if (q?.kind !== 'text') return null;
    const bonus = isSummary(content[p + 1]) ? 0.5 : 0;
    const r = content[p - 2];
    if (isNames(q) && r?.kind === 'text' && r.shape.titleLike && r.block !== q.block)
      return { title: r, tags: q, strength: 1.25 + bonus, skipped: [] };
    if (isNames(q) && r?.kind === 'text' && r.shape.titleLike && r.lines.at(-1)! + 1 === q.lines[0])
      return { title: r, tags: q, strength: 1.25 + bonus, skipped: [] };
    if (!q.shape.titleLike) return null;
    return { title: q, tags: null, strength: 1 + bonus, skipped: [] };
  };

  /** the strength of every date line an order explains, summed */
  const total = (readDate: (p: number) => Fit | null) =>
    dates.reduce((n, p) => {
      const f = readDate(p);
      return n + (f !== null && f.strength >= 1 ? f.strength : 0);
    }, 0);
  const df = total(dateFirst);
  const tf = total(titleFirst);
  const order: DateOrder = tf > df ? 'title-first' : 'date-first';
  const [mine, other] = order === 'date-first' ? [dateFirst, titleFirst] : [titleFirst, dateFirst];
  const fits = (f: Fit | null) => f !== null && f.strength >= 1;
  const explained = dates.filter((p) => fits(mine(p))).length;
  const otherExplained = dates.filter((p) => fits(other(p))).length;
  const close = df > 0 && tf > 0 && Math.abs(df - tf) < 0.5;

  const headers: Header[] = [];
  const used = new Set<Unit>();
  const free = (f: Fit | null): f is Fit =>
    f !== null && !used.has(f.title) && f.title.kind === 'text' && (f.tags === null || !used.has(f.tags));
  for (const p of dates) {
    const d = content[p]!;
    const a = mine(p);
    const b = other(p);
    let pick: Fit | null = null;
    if (free(a) && fits(a)) pick = a;
    else if (free(b) && fits(b)) {
      pick = b;
      doubts.push({
        unit: d,
        message: `date line read with the title ${order === 'date-first' ? 'above' : 'below'} it, unlike the page's other dates`,
      });
    } else if (free(a)) pick = a;
    if (pick && fits(a) && fits(b) && close)
      doubts.push({
        unit: d,
        message: `date line between two title-like lines, and both layouts fit this page about equally: read with the ${pick === a ? (order === 'date-first' ? 'line below' : 'line above') : order === 'date-first' ? 'line above' : 'line below'}`,
      });
    if (!pick) {
      unplaced.push({
        unit: d,
        message:
          p === content.length - 1
            ? 'date line at the end of the page with no item after it'
            : 'date line with no title after it',
      });
      continue;
    }
    for (const s of pick.skipped)
      unplaced.push({ unit: s, message: 'expected a title after the date line above, found a list line' });
    used.add(pick.title);
    if (pick.tags) used.add(pick.tags);
    headers.push({ title: pick.title, date: d, tags: pick.tags });
  }
  headers.sort((x, y) => x.title.lines[0]! - y.title.lines[0]!);
  const where = order === 'date-first' ? 'before their titles' : 'after their titles';
  const why = `dates ${where}: ${explained} of ${dates.length} date line${dates.length === 1 ? '' : 's'} fit that way, ${otherExplained} the other way`;
  return {
    order,
    why,
    headers,
    unplaced,
    unplacedUnits: new Set(unplaced.map((u) => u.unit)),
    doubts,
  };
}
