import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus } from '../../src/load/loadCorpus.js';
import type { Item } from '../../src/types.js';

/** One item a page is expected to give, as a sidecar file lists it. */
export interface ExpectedItem {
  title: string;
  /** "YYYY-MM-DD", or null for an undated item; absent when the sidecar does not say */
  date?: string | null;
  countries?: string[];
  primaryCountry?: string | null;
}

/** A page and what it should give: `expected/NAME.json` beside `pages/NAME.txt`. */
export interface ExpectedPage {
  name: string;
  text: string;
  kind?: string;
  language?: string;
  items: ExpectedItem[];
}

/** What one page gave against what it should have given. */
export interface PageScore {
  name: string;
  kind: string;
  expected: number;
  found: number;
  /** expected titles found among the items (after whitespace and Unicode normalisation) */
  matched: number;
  /** matched items whose sidecar gives a date, and how many of those carry that date (null included) */
  datesChecked: number;
  datesRight: number;
  /** matched items whose sidecar gives a primary country (or null), and how many meso got right */
  primaryChecked: number;
  primaryRight: number;
  /** country sets: true positives, false positives, false negatives over matched items */
  countryTp: number;
  countryFp: number;
  countryFn: number;
  /** items that match no expected title and read like page furniture (a short label, a marker, a link) */
  furniture: string[];
  missing: string[];
  extra: string[];
  wrongDates: Array<{ title: string; expected: string | null; found: string | null }>;
  wrongPrimary: Array<{ title: string; expected: string | null; found: string | null }>;
}

/** The figures over a set of pages. */
export interface Figures {
  pages: number;
  expected: number;
  found: number;
  precision: number;
  recall: number;
  dateAccuracy: number;
  primaryAccuracy: number;
  countryPrecision: number;
  countryRecall: number;
  furnitureItems: number;
}

/** How titles are compared: Unicode NFC, any run of spaces (NBSP, tabs, line breaks) one space, trimmed. */
export const titleKey = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\s\u00A0\u200B\uFEFF]+/gu, ' ')
    .trim();

/** A line that is page furniture when it comes out as an item: a label of a few words, a link, a marker. */
const FURNITURE =
  /^(read more|leer m[aá]s|ver m[aá]s|more|m[aá]s|share\b.*|compartir\b.*|english|espa[nñ]ol|spanish|ingl[eé]s|home\b.*|inicio\b.*|.*\s>\s.*|«.*|.*»|previous.*|next.*|anterior.*|siguiente.*|most read|related.*|noticias relacionadas|lo m[aá]s le[ií]do)$/i;
const looksLikeFurniture = (title: string) => FURNITURE.test(title) || title.split(/\s+/).length <= 3;

/** Scores one page: runs meso's own read → parse → merge → enrich on it and compares with the expected items. */
export function scorePage(page: ExpectedPage): PageScore {
  const corpus = buildCorpus([{ file: `${page.name}.txt`, text: page.text }], []);
  // items in page order (the corpus sorts newest first)
  const items = [...corpus.items].sort((a, b) => (a.sources[0]?.line ?? 0) - (b.sources[0]?.line ?? 0));
  const byKey = new Map<string, Item>();
  for (const i of items) byKey.set(titleKey(i.title), i);
  const used = new Set<Item>();
  const s: PageScore = {
    name: page.name,
    kind: page.kind ?? '',
    expected: page.items.length,
    found: items.length,
    matched: 0,
    datesChecked: 0,
    datesRight: 0,
    primaryChecked: 0,
    primaryRight: 0,
    countryTp: 0,
    countryFp: 0,
    countryFn: 0,
    furniture: [],
    missing: [],
    extra: [],
    wrongDates: [],
    wrongPrimary: [],
  };
  for (const e of page.items) {
    const item = byKey.get(titleKey(e.title));
    if (!item || used.has(item)) {
      s.missing.push(e.title);
      continue;
    }
    used.add(item);
    s.matched++;
    if (e.date !== undefined) {
      s.datesChecked++;
      if (item.date === e.date) s.datesRight++;
      else s.wrongDates.push({ title: e.title, expected: e.date, found: item.date });
    }
    if (e.primaryCountry !== undefined) {
      s.primaryChecked++;
      if (item.primaryCountry === e.primaryCountry) s.primaryRight++;
      else s.wrongPrimary.push({ title: e.title, expected: e.primaryCountry, found: item.primaryCountry });
    }
    if (e.countries) {
      s.countryTp += item.countries.filter((c) => e.countries!.includes(c)).length;
      s.countryFp += item.countries.filter((c) => !e.countries!.includes(c)).length;
      s.countryFn += e.countries.filter((c) => !item.countries.includes(c)).length;
    }
  }
  for (const i of items) {
    if (used.has(i)) continue;
    s.extra.push(i.title);
    if (looksLikeFurniture(i.title)) s.furniture.push(i.title);
  }
  return s;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Sums page scores into the figures: micro-averaged over items. */
export function sumScores(scores: PageScore[]): Figures {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const tp = sum((s) => s.countryTp);
  return {
    pages: scores.length,
    expected: sum((s) => s.expected),
    found: sum((s) => s.found),
    precision: ratio(
      sum((s) => s.matched),
      sum((s) => s.found),
    ),
    recall: ratio(
      sum((s) => s.matched),
      sum((s) => s.expected),
    ),
    dateAccuracy: ratio(
      sum((s) => s.datesRight),
      sum((s) => s.datesChecked),
    ),
    primaryAccuracy: ratio(
      sum((s) => s.primaryRight),
      sum((s) => s.primaryChecked),
    ),
    countryPrecision: ratio(tp, tp + sum((s) => s.countryFp)),
    countryRecall: ratio(tp, tp + sum((s) => s.countryFn)),
    furnitureItems: sum((s) => s.furniture.length),
  };
}

/**
 * Reads a folder laid out as `pages/NAME.txt` and `expected/NAME.json` (`{kind, language, items: [{title, date,
 * countries, primaryCountry}]}`). A page without a sidecar is left out.
 */
export function readExpectedFolder(dir: string): ExpectedPage[] {
  const pagesDir = path.join(dir, 'pages');
  const expectedDir = path.join(dir, 'expected');
  const out: ExpectedPage[] = [];
  for (const f of readdirSync(pagesDir).sort()) {
    if (!f.endsWith('.txt')) continue;
    const name = f.slice(0, -4);
    const sidecar = path.join(expectedDir, `${name}.json`);
    if (!existsSync(sidecar)) continue;
    const meta = JSON.parse(readFileSync(sidecar, 'utf8')) as Omit<ExpectedPage, 'name' | 'text'>;
    out.push({ ...meta, name, text: readFileSync(path.join(pagesDir, f), 'utf8') });
  }
  return out;
}

/**
 * Reads pages scored against one list of labelled items (tests/fixtures/labels.json: `[{title, countries,
 * primaryCountry}]`, no dates): every page of the folder is one set, each label is expected once.
 */
export function readLabelledFolder(pagesDir: string, labelsFile: string): ExpectedPage[] {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as ExpectedItem[];
  const pages = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), text: readFileSync(path.join(pagesDir, f), 'utf8') }));
  // give each label to the page that holds its title
  return pages.map((p) => {
    const text = titleKey(p.text);
    return {
      ...p,
      kind: 'bundled',
      items: labels
        .filter((l) => text.includes(titleKey(l.title)))
        .map((l) => ({ title: l.title, countries: l.countries, primaryCountry: l.primaryCountry })),
    };
  });
}

/** Scores every page of a folder of pages and sidecars. */
export function scoreFolder(pages: ExpectedPage[]): { scores: PageScore[]; total: Figures } {
  const scores = pages.map(scorePage);
  return { scores, total: sumScores(scores) };
}

const pct = (x: number) => x.toFixed(3);

/** The figures as a plain-text table: one row per page kind and the total, then what went wrong, per page. */
export function renderScores(scores: PageScore[], details = true): string {
  const kinds = [...new Set(scores.map((s) => s.kind))].sort();
  const rows: Array<[string, Figures]> = kinds.map((k) => [
    k || '(none)',
    sumScores(scores.filter((s) => s.kind === k)),
  ]);
  rows.push(['total', sumScores(scores)]);
  const head = [
    'kind',
    'pages',
    'expected',
    'found',
    'precision',
    'recall',
    'dates',
    'primary',
    'ctry P',
    'ctry R',
    'furniture',
  ];
  const body = rows.map(([k, f]) => [
    k,
    String(f.pages),
    String(f.expected),
    String(f.found),
    pct(f.precision),
    pct(f.recall),
    pct(f.dateAccuracy),
    pct(f.primaryAccuracy),
    pct(f.countryPrecision),
    pct(f.countryRecall),
    String(f.furnitureItems),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  let out = `${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`;
  if (!details) return out;
  for (const s of scores) {
    const notes = [
      ...s.missing.map((t) => `  missing: ${t}`),
      ...s.extra.map((t) => `  extra${s.furniture.includes(t) ? ' (furniture)' : ''}: ${t}`),
      ...s.wrongDates.map((d) => `  date: ${d.title}: expected ${d.expected}, found ${d.found}`),
      ...s.wrongPrimary.map((d) => `  primary: ${d.title}: expected ${d.expected}, found ${d.found}`),
    ];
    if (notes.length) out += `\n${s.name}\n${notes.join('\n')}\n`;
  }
  return out;
}
