import type { Timeline } from '../query/buildTimeline.js';

const COLORS = ['#2b6cb0', '#dd6b20', '#38a169', '#d53f8c', '#805ad5', '#d69e2e', '#718096'];
/** A round tick step (1, 2 or 5 × 10ⁿ) near `raw`; whole numbers only for counts. */
function niceStep(raw: number, whole: boolean): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((x) => x >= raw) ?? 10 * p;
  return whole ? Math.max(1, Math.round(step)) : step;
}
const colorOf = (value: string, k: number) => (value === 'other' ? '#a0aec0' : COLORS[k % COLORS.length]!);
const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/**
 * The timeline as a standalone SVG: one bar per period (stacked by series with --split), labelled axes, a
 * title and, for a split, a legend. Text is XML-escaped.
 */
export function renderTimelineSvg(t: Timeline, title: string, normalize: boolean): string {
  const W = 900;
  const H = 420;
  const m = { top: 50, right: 20, bottom: 70, left: 60 };
  const legendW = t.series ? 160 : 0;
  const plotW = W - m.left - m.right - legendW;
  const plotH = H - m.top - m.bottom;
  const n = Math.max(1, t.buckets.length);
  const slot = plotW / n;
  const barW = Math.max(1, slot * 0.8);
  const barValue = (count: number, total: number) => (normalize ? (total ? count / total : 0) : count);
  const top = Math.max(1e-9, ...t.buckets.map((b) => barValue(b.count, b.total)));
  const step = niceStep(top / 4, !normalize);
  const max = Math.ceil(top / step) * step;
  const y = (v: number) => m.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(
    `<text class="title" x="${W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
  );
  // y axis with 5 ticks
  parts.push(`<line class="axis y" x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + plotH}" stroke="#333"/>`);
  for (let v = 0; v <= max + step / 2; v += step) {
    const label = normalize ? `${Math.round(v * 100)}%` : String(Math.round(v));
    parts.push(
      `<line x1="${m.left - 4}" y1="${y(v)}" x2="${m.left + plotW}" y2="${y(v)}" stroke="#e2e8f0"/><text class="tick y" x="${m.left - 8}" y="${y(v) + 4}" text-anchor="end">${label}</text>`,
    );
  }
  parts.push(
    `<text class="label y" transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${normalize ? 'share of all items' : 'items'}</text>`,
  );
  parts.push(
    `<line class="axis x" x1="${m.left}" y1="${m.top + plotH}" x2="${m.left + plotW}" y2="${m.top + plotH}" stroke="#333"/>`,
  );
  parts.push(`<text class="label x" x="${m.left + plotW / 2}" y="${H - 10}" text-anchor="middle">${esc(t.by)}</text>`);
  const every = Math.ceil(n / 24);
  t.buckets.forEach((b, i) => {
    const x = m.left + i * slot + (slot - barW) / 2;
    if (t.series) {
      let acc = 0;
      t.series.forEach((s, k) => {
        const c = s.buckets[i]!.count;
        if (!c) return;
        const v0 = barValue(acc, b.total);
        acc += c;
        const v1 = barValue(acc, b.total);
        parts.push(
          `<rect class="bar" data-period="${esc(b.period)}" data-series="${esc(s.value)}" data-count="${c}" x="${x.toFixed(1)}" y="${y(v1).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(v0) - y(v1)).toFixed(1)}" fill="${colorOf(s.value, k)}"/>`,
        );
      });
    } else if (b.count) {
      const v = barValue(b.count, b.total);
      parts.push(
        `<rect class="bar" data-period="${esc(b.period)}" data-count="${b.count}" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(m.top + plotH - y(v)).toFixed(1)}" fill="${COLORS[0]}"><title>${esc(b.period)}: ${b.count}</title></rect>`,
      );
    }
    if (i % every === 0)
      parts.push(
        `<text class="tick x" x="${(x + barW / 2).toFixed(1)}" y="${m.top + plotH + 16}" text-anchor="end" transform="rotate(-45 ${(x + barW / 2).toFixed(1)} ${m.top + plotH + 16})">${esc(b.period)}</text>`,
      );
  });
  if (t.series) {
    t.series.forEach((s, k) => {
      const ly = m.top + k * 20;
      const lx = W - m.right - legendW + 16;
      parts.push(
        `<g class="legend"><rect x="${lx}" y="${ly}" width="12" height="12" fill="${colorOf(s.value, k)}"/><text x="${lx + 18}" y="${ly + 10}">${esc(s.value)}</text></g>`,
      );
    });
  }
  parts.push(
    `<text class="note" x="${m.left + plotW}" y="${m.top - 10}" text-anchor="end" fill="#555">undated (not drawn): ${t.undated.count}</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
