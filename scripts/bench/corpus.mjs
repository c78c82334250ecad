// @ts-check
// The corpora: the 50 bundled items as they are, and larger synthetic ones made from them, deterministically
// (the same generator as the first benchmark, so figures stay comparable across versions).
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {{ title: string, summary: string }} SeedItem one bundled item, as `meso list --json` gives it */
/** @typedef {SeedItem & { dateLine: string }} SynthItem a generated item and the date line it is written under */

/**
 * mulberry32: a small seeded generator, so a size always gets the same corpus.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** January … December, as Intl writes them. */
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
);

/** @param {string} text */
const words = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * @template T
 * @param {T[]} list
 * @param {() => number} rand
 * @returns {T[]} a shuffled copy (Fisher–Yates)
 */
function shuffled(list, rand) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = /** @type {[T, T]} */ ([a[j], a[i]]);
  }
  return a;
}

/**
 * The seed texts: the bundled items, from `meso list --json` (its stdout as a string).
 * @param {string} listJson
 * @returns {SeedItem[]}
 */
export function readSeedItems(listJson) {
  /** @type {{ title: string, summary: string }[]} */
  const items = JSON.parse(listJson);
  return items.map((it) => ({ title: it.title, summary: it.summary.replace(/\s+/g, ' ') }));
}

/**
 * `n` synthetic items: each title mixes the words of two seed titles (6–14 words, plus `no. <i>`), each summary
 * 30–70 words of two seed summaries, each date a day in 2015–2024; seeded with the size.
 * @param {number} n
 * @param {SeedItem[]} seeds
 * @returns {SynthItem[]}
 */
export function synthItems(n, seeds) {
  const rand = mulberry32(0x6d65736f + n);
  const pick = () => /** @type {SeedItem} */ (seeds[Math.floor(rand() * seeds.length)]);
  const start = Date.UTC(2015, 0, 1);
  const days = (Date.UTC(2024, 11, 31) - start) / 864e5 + 1;
  /** @type {SynthItem[]} */
  const items = [];
  for (let i = 0; i < n; i++) {
    const a = pick();
    const b = pick();
    const titleWords = shuffled([...words(a.title), ...words(b.title).slice(0, 4)], rand).slice(
      0,
      6 + Math.floor(rand() * 9),
    );
    const summaryWords = shuffled([...words(a.summary), ...words(b.summary)], rand).slice(
      0,
      30 + Math.floor(rand() * 41),
    );
    const title = `${titleWords.join(' ').replace(/^./, (c) => c.toUpperCase())} no. ${i + 1}`;
    const summary = `${summaryWords
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase())
      .replace(/[.,;:]*$/, '')}.`;
    const d = new Date(start + Math.floor(rand() * days) * 864e5);
    items.push({ title, summary, dateLine: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()}` });
  }
  return items;
}

/**
 * Writes the corpus of `n` items into `dir` (emptied first): at 50, the bundled pages copied as they are;
 * otherwise synthetic items as dated-layout pages of 100 items each.
 * @param {number} n
 * @param {string} dir
 * @param {SeedItem[]} seeds
 * @param {string} bundledPages the folder of the bundled pages (data/pages)
 * @returns {SeedItem[]} the items written (title, summary), for the peers that index them directly
 */
export function writeCorpus(n, dir, seeds, bundledPages) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (n === 50) {
    for (const f of fs.readdirSync(bundledPages)) fs.copyFileSync(path.join(bundledPages, f), path.join(dir, f));
    return seeds;
  }
  const items = synthItems(n, seeds);
  for (let p = 0; p * 100 < n; p++) {
    const page = items.slice(p * 100, p * 100 + 100).map((it) => `${it.dateLine}\n\n${it.title}\n\n${it.summary}\n`);
    fs.writeFileSync(path.join(dir, `page-${String(p).padStart(5, '0')}.txt`), page.join('\n'));
  }
  return items;
}

/**
 * Total bytes of the files under `dir` (0 when it does not exist).
 * @param {string} dir
 */
export function dirBytes(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((s, e) => s + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0);
}
