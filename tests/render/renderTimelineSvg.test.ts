import { describe, it, expect } from 'vitest';
import { makeItem as item, manyItems as many } from '../helpers/makeItem.js';
import { renderTimelineSvg } from '../../src/render/renderTimelineSvg.js';
import { buildTimeline } from '../../src/query/buildTimeline.js';

/**
 * A tiny XML well-formedness check: one root element, every start tag closed in order or self-closed,
 * attributes quoted and unique, and only the five predefined or numeric entities. Returns the problems.
 */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const tokenRe =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&[^;\s<]*;?/g;
  let last = 0;
  for (const m of xml.matchAll(tokenRe)) {
    const tok = m[0];
    if (stack.length === 0 && roots > 0 && xml.slice(last, m.index).trim())
      problems.push(`text after root at ${m.index}`);
    last = m.index! + tok.length;
    if (tok.startsWith('<!--') || tok.startsWith('<?')) continue;
    if (tok === '<') {
      problems.push(`unparseable tag at ${m.index}: ${xml.slice(m.index, m.index! + 40)}`);
      continue;
    }
    if (tok.startsWith('&')) {
      if (!/^&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(tok)) problems.push(`bad entity ${tok}`);
      continue;
    }
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[1]) problems.push(`</${m[1]}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const name = m[2]!;
    const attrNames = [...(m[3] ?? '').matchAll(/([A-Za-z_:][\w:.-]*)\s*=/g)].map((a) => a[1]);
    if (new Set(attrNames).size !== attrNames.length) problems.push(`duplicate attribute in <${name}>`);
    for (const [, v] of (m[3] ?? '').matchAll(/=\s*"([^"]*)"/g)) {
      for (const e of v!.match(/&[^;]*;?/g) ?? [])
        if (!/^&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(e)) problems.push(`bad entity ${e} in attribute`);
    }
    if (stack.length === 0) roots++;
    if (!m[4]) stack.push(name);
  }
  if (xml.slice(last).trim()) problems.push('text after the root');
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

const bars = (svg: string) => [...svg.matchAll(/<rect class="bar"([^>]*)>/g)].map((m) => m[1]!);
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const texts = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!);

describe('the well-formedness checker itself', () => {
  it('accepts good XML and rejects broken XML', () => {
    expect(wellFormed('<svg a="1"><g><rect/></g><text>a &amp; b</text></svg>')).toEqual([]);
    expect(wellFormed('<svg><g></svg>')).not.toEqual([]);
    expect(wellFormed('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(wellFormed('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(wellFormed('<svg a="1" a="2"></svg>')).not.toEqual([]);
    expect(wellFormed('<svg></svg><svg></svg>')).not.toEqual([]);
  });
});

describe('renderTimelineSvg', () => {
  const items = [...many('2020-01-05', 4), ...many('2020-03-05', 2), ...many('2020-04-05', 5), item(null), item(null)];
  const tl = buildTimeline(items, items, { by: 'month' });
  const svg = renderTimelineSvg(tl, 'Timeline of all items · by month', false);

  it('is a well-formed standalone svg', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(wellFormed(svg)).toEqual([]);
  });

  it('draws one bar per non-empty bucket whose data-count sum is the total count', () => {
    const bs = bars(svg);
    expect(bs).toHaveLength(3); // 2020-02 is empty
    expect(bs.map((b) => attr(b, 'data-period'))).toEqual(['2020-01', '2020-03', '2020-04']);
    const sum = bs.reduce((s, b) => s + Number(attr(b, 'data-count')), 0);
    expect(sum).toBe(11);
    expect(sum).toBe(tl.buckets.reduce((s, b) => s + b.count, 0));
  });

  it('makes bar heights proportional to counts', () => {
    const h = Object.fromEntries(bars(svg).map((b) => [attr(b, 'data-period'), Number(attr(b, 'height'))]));
    expect(h['2020-01']! / h['2020-04']!).toBeCloseTo(4 / 5, 2);
    expect(h['2020-03']! / h['2020-04']!).toBeCloseTo(2 / 5, 2);
  });

  it('has a title, both axes and both axis labels', () => {
    expect(svg).toContain('<title>Timeline of all items · by month</title>');
    expect(texts(svg, 'title')).toEqual(['Timeline of all items · by month']);
    expect(svg).toMatch(/<line class="axis x"/);
    expect(svg).toMatch(/<line class="axis y"/);
    expect(texts(svg, 'label x')).toEqual(['month']);
    expect(texts(svg, 'label y')).toEqual(['items']);
    expect(texts(svg, 'tick x')).toEqual(['2020-01', '2020-02', '2020-03', '2020-04']);
    // round, whole-number ticks from 0 that reach the tallest bar (5 items)
    const ticks = texts(svg, 'tick y').map(Number);
    expect(ticks[0]).toBe(0);
    expect(ticks.every((v) => Number.isInteger(v))).toBe(true);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(5);
    expect(new Set(ticks.slice(1).map((v, i) => v - ticks[i]!)).size).toBe(1);
    expect(svg).toContain('undated (not drawn): 2');
  });

  it('labels the y axis as a share with normalize', () => {
    const n = renderTimelineSvg(tl, 't', true);
    expect(texts(n, 'label y')).toEqual(['share of all items']);
    expect(texts(n, 'tick y').every((s) => /^\d+%$/.test(s))).toBe(true);
    expect(wellFormed(n)).toEqual([]);
  });

  it('stacks bars by series and has one legend entry per series with split', () => {
    const xs = [
      ...many('2020-01-05', 3, { topics: ['trafficking'] }),
      ...many('2020-01-06', 2, { topics: ['borders'] }),
      ...many('2020-02-06', 1, { topics: ['borders'] }),
      ...many('2020-02-07', 4, { topics: ['health'] }),
      item('2020-02-08'),
    ];
    const t = buildTimeline(xs, xs, { by: 'month', split: 'topic' });
    const s = renderTimelineSvg(t, 'split', false);
    expect(wellFormed(s)).toEqual([]);
    const legend = [...s.matchAll(/<g class="legend">[\s\S]*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => m[1]);
    expect(legend).toEqual(t.series!.map((se) => se.value));
    expect(legend.sort()).toEqual(['(none)', 'borders', 'health', 'trafficking']);
    const bs = bars(s);
    expect(bs.reduce((n, b) => n + Number(attr(b, 'data-count')), 0)).toBe(xs.length);
    const jan = bs.filter((b) => attr(b, 'data-period') === '2020-01');
    expect(jan.map((b) => [attr(b, 'data-series'), Number(attr(b, 'data-count'))]).sort()).toEqual([
      ['borders', 2],
      ['trafficking', 3],
    ]);
  });

  it('escapes a title with <script>, & and quotes', () => {
    const title = `a <script>alert("x")</script> & 'q'`;
    const s = renderTimelineSvg(tl, title, false);
    expect(s).not.toContain('<script');
    expect(s).not.toMatch(/"x"|'q'/);
    expect(wellFormed(s)).toEqual([]);
    const shown = texts(s, 'title')[0]!;
    const decoded = shown
      .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(title);
  });

  it('escapes series values in legends and data attributes', () => {
    const xs = [item('2020-01-01', { topics: ['a"b<c>&d'] }), item('2020-01-02', { topics: ['plain'] })];
    const s = renderTimelineSvg(buildTimeline(xs, xs, { by: 'month', split: 'topic' }), 't', false);
    expect(wellFormed(s)).toEqual([]);
    expect(s).not.toContain('a"b<c>');
  });
});
