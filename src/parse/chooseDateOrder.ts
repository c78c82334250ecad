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
  /** a summary (a paragraph or a list line) follows the item's head */
  summary?: boolean;
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

/** Where a fit's title sits from its date line. */
const side = (f: Fit, d: Unit) => (f.title.lines[0]! < d.lines[0]! ? 'above' : 'below');

const isSummary = (u: Unit | undefined) =>
  u !== undefined && (u.kind === 'bullet' || (u.kind === 'text' && u.shape.paragraphLike));

/**
 * Pairs each date line with its title, choosing for the whole page where dates sit: before their titles
 * (date, title, summary), after them (title, tag line, date, summary), or after the summary, closing the item
 * (title, summary, date). Each order is scored by how many of the page's date lines it explains (a title-like
 * line where the order puts the title, a summary where it puts one), and the best is read; a date line that only
 * the runner-up explains is read that way, with a doubt.
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
    // a line of names under the date, with a title right above the date: the tag line of that title
    const q = content[p - 1];
    if (isNames(u) && !skipped.length && q?.kind === 'text' && q.shape.titleLike && !isNames(q) && isSummary(after))
      return { title: u, tags: null, strength: 0.5, skipped };
    return {
      title: u,
      tags: null,
      strength: (u.shape.titleLike ? 1 : 0.25) + bonus,
      skipped,
      summary: isSummary(after),
    };
  };
  const titleFirst = (p: number): Fit | null => {
    const q = content[p - 1];
    if (q?.kind !== 'text') return null;
    const bonus = isSummary(content[p + 1]) ? 0.5 : 0;
    const r = content[p - 2];
    if (isNames(q) && r?.kind === 'text' && r.shape.titleLike && r.block !== q.block)
      return { title: r, tags: q, strength: 1.25 + bonus, skipped: [], summary: bonus > 0 };
    if (isNames(q) && r?.kind === 'text' && r.shape.titleLike && r.lines.at(-1)! + 1 === q.lines[0])
      return { title: r, tags: q, strength: 1.25 + bonus, skipped: [], summary: bonus > 0 };
    if (!q.shape.titleLike) return null;
    // title, date, then the tag line, then the text
    const t = content[p + 1];
    if (t?.kind === 'text' && isNames(t) && !isNames(q) && isSummary(content[p + 2]))
      return { title: q, tags: t, strength: 1.75, skipped: [], summary: true };
    return { title: q, tags: null, strength: 1 + bonus, skipped: [], summary: bonus > 0 };
  };

  /** a date that closes its item: title, summary, then the date (the next title, a date or the end after it) */
  const dateLast = (p: number): Fit | null => {
    let j = p - 1;
    while (j >= 0 && isSummary(content[j])) j--;
    const u = content[j];
    if (u?.kind !== 'text' || !u.shape.titleLike) return null;
    const after = content[p + 1];
    // a date that starts its block, the line under it in that block, opens what follows it
    const d = content[p]!;
    if (after !== undefined && after.block === d.block && content[p - 1]!.block !== d.block) return null;
    const bonus = after === undefined || after.kind === 'date' || (after.kind === 'text' && after.shape.titleLike);
    // an item with no summary closes with its date right under its title: so only when no summary follows the
    // date either (else the date opens the summary below it: title, date, summary)
    if (j === p - 1) return bonus ? { title: u, tags: null, strength: 1, skipped: [] } : null;
    return { title: u, tags: null, strength: 1 + (bonus ? 0.5 : 0), skipped: [] };
  };

  /** the strength of every date line an order explains, summed */
  const total = (readDate: (p: number) => Fit | null) =>
    dates.reduce((n, p) => {
      const f = readDate(p);
      return n + (f !== null && f.strength >= 1 ? f.strength : 0);
    }, 0);
  const fits = (f: Fit | null) => f !== null && f.strength >= 1;
  const count = (readDate: (p: number) => Fit | null) => dates.filter((p) => fits(readDate(p))).length;
  const readings: Array<[DateOrder, (p: number) => Fit | null, number]> = [
    ['date-first', dateFirst, total(dateFirst)],
    ['title-first', titleFirst, total(titleFirst)],
  ];
  // dates closing their items are the unusual order: read so only when it places more dates than both others (as
  // where the last date ends the page, with no title after it)
  const lastCount = count(dateLast);
  const others = Math.max(count(dateFirst), count(titleFirst));
  // as many, where the page opens with a title and its summary closed by the first date, and what follows the last
  // date has no summary: a line after it ("Load more stories") lets date-first place as many dates as date-last,
  // by leaving the first item undated and making that line an item (an undated stretch before dated blocks has
  // its last date opening a title with its summary, and is read date-first)
  const closing =
    lastCount === others &&
    lastCount > 0 &&
    fits(dateLast(dates[0]!)) &&
    !fits(titleFirst(dates[0]!)) &&
    dateFirst(dates.at(-1)!)?.summary !== true;
  if (lastCount > others || closing) readings.push(['date-last', dateLast, total(dateLast)]);
  // the best reading; a tie goes to the earlier (the site's usual orders first); a closing page is read date-last
  const ranked = [...readings].sort(
    (a, b) => (closing ? Number(b[0] === 'date-last') - Number(a[0] === 'date-last') : 0) || b[2] - a[2],
  );
  const [order, mine, best] = ranked[0]!;
  // the runner-up: read with it, with a doubt, a date the chosen order cannot place
  const [, other, second] = ranked[1]!;
  const explained = count(mine);
  const otherExplained = count(other);
  const close = best > 0 && second > 0 && best - second < 0.5;

  const headers: Header[] = [];
  const used = new Set<Unit>();
  const free = (f: Fit | null): f is Fit =>
    f !== null && !used.has(f.title) && f.title.kind === 'text' && (f.tags === null || !used.has(f.tags));
  for (const p of dates) {
    const d = content[p]!;
    const a = mine(p);
    const b = other(p);
    let pick: Fit | null = null;
    // a page that mixes both orders (a template that changed): the chosen order's reading of this date has no
    // summary after it, while the other order's reading is a title with its summary under it
    // (not where dates close their items: there the title below a date is the next item's, which its own date
    // closes)
    const mixed =
      order !== 'date-last' &&
      free(a) &&
      fits(a) &&
      a.strength < 1.5 &&
      free(b) &&
      b.summary === true &&
      b.strength >= 1.5;
    if (free(a) && fits(a) && !mixed) pick = a;
    else if (free(b) && fits(b)) {
      pick = b;
      doubts.push({
        unit: d,
        message: `date line read with the title ${side(b, d)} it, unlike the page's other dates`,
      });
    } else if (free(a)) pick = a;
    if (pick && fits(a) && fits(b) && close)
      doubts.push({
        unit: d,
        message: `date line between two title-like lines, and both layouts fit this page about equally: read with the line ${side(pick, d)}`,
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
  const where =
    order === 'date-first'
      ? 'before their titles'
      : order === 'title-first'
        ? 'after their titles'
        : 'after their summaries, closing each item';
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
