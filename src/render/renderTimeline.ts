import type { Timeline } from '../query/buildTimeline.js';
import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { wrap } from './renderItem.js';
import { cutText } from './fitText.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value / max` of `width` cells, drawn with eighth blocks. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** The timeline as a chart for the terminal: a header, one row per period with a bar and its count, the undated line. */
export function renderTimeline(t: Timeline, header: string, style: Style, normalize: boolean): string {
  const { c } = style;
  const title = wrap(escapeForTerminal(header), style.width);
  const lines = [style.color ? c.bold(title) : title, ''];
  if (t.series) return renderMatrix(t, lines, style, normalize);
  const labelW = Math.max(...t.buckets.map((b) => b.period.length), 6);
  const value = (b: Timeline['buckets'][number]) => (normalize ? b.share : b.count);
  const extra = (b: Timeline['buckets'][number]) => (normalize ? 0 : (b.inferred?.count ?? 0));
  // listed and inferred parts of a bar share one scale, so the longest bar still fits the width
  const max = Math.max(0, ...t.buckets.map((b) => value(b) + extra(b)));
  const countText = (b: Timeline['buckets'][number]) => {
    let s = String(b.count);
    if (normalize) s = b.total ? `${pct(b.share)} (${b.count}/${b.total})` : '–';
    if (b.inferred?.count) s += ` +${b.inferred.count} inferred`;
    return s;
  };
  const countW = Math.max(...t.buckets.map((b) => countText(b).length), 1);
  const barW = Math.max(1, Math.min(60, style.width - labelW - countW - 5));
  for (const b of t.buckets) {
    const drawn = bar(value(b), max, barW);
    const shown = style.color ? c.cyan(drawn) : drawn;
    const light = extra(b)
      ? '░'.repeat(Math.max(1, Math.min(barW - [...drawn].length, Math.round((extra(b) / max) * barW))))
      : '';
    lines.push(
      `${b.period.padEnd(labelW)}  ${countText(b).padStart(countW)}  ${shown}${style.color && light ? c.dim(light) : light}`,
    );
  }
  if (t.buckets.length === 0) lines.push('(no dated items)');
  lines.push('', ...undatedLines(t, style.width));
  return `${lines.join('\n')}\n`;
}

/** The closing line(s) about undated matches, wrapped to the width. */
function undatedLines(t: Timeline, width: number): string[] {
  const placed = t.buckets.some((b) => b.inferred);
  const n = t.undated.count;
  const text = `undated: ${n} matching item${n === 1 ? '' : 's'} with no date${n && !placed ? ' (--inferred places those dated in their text)' : ''}`;
  return wrap(text, width).split('\n');
}

function renderMatrix(t: Timeline, lines: string[], style: Style, normalize: boolean): string {
  const series = t.series!;
  const labelW = Math.max(...t.buckets.map((b) => b.period.length), 6);
  // columns share what the width leaves after the period and the "all" column; those that do not fit are left
  // out, and a closing line says so
  const room = Math.floor((style.width - labelW - 2 - 7) / series.length) - 2;
  const digits = (i: number) => Math.max(...series[i]!.buckets.map((b) => String(b.count).length));
  const widths = series.map((s, i) => Math.max(normalize ? 5 : 3, digits(i), Math.min(14, room, s.value.length)));
  let shown = series.length;
  while (shown > 1 && labelW + 2 + widths.slice(0, shown).reduce((n, w) => n + w + 2, 0) + 5 > style.width) shown--;
  const colW = widths.slice(0, shown);
  const cut = (s: string, w: number) => cutText(s, w);
  lines.push(
    `${''.padEnd(labelW)}  ${colW.map((w, i) => escapeForTerminal(cut(series[i]!.value, w)).padStart(w)).join('  ')}  ${'all'.padStart(5)}`,
  );
  t.buckets.forEach((b, row) => {
    const cells = series.slice(0, shown).map((s, i) => {
      const { count: n, share, total } = s.buckets[row]!;
      // --normalize: each series' share of all items dated in the period
      const dot = style.color ? '·' : '.';
      const label = !n ? (normalize && !total ? '–' : dot) : normalize ? pct(share) : String(n);
      const text = label.padStart(colW[i]!);
      return style.color && n ? style.c.cyan(text) : text;
    });
    const all = normalize ? (b.total ? pct(b.share) : '–') : String(b.count);
    lines.push(`${b.period.padEnd(labelW)}  ${cells.join('  ')}  ${all.padStart(5)}`);
  });
  if (shown < series.length)
    lines.push(
      '',
      wrap(
        `${series.length - shown} more series (${series
          .slice(shown)
          .map((x) => escapeForTerminal(x.value))
          .join(', ')}) do not fit this width: --json or a wider terminal shows them`,
        style.width,
      ),
    );
  lines.push('', ...undatedLines(t, style.width));
  return `${lines.join('\n')}\n`;
}
