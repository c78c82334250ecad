import { describe, expect, it, vi } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/load/loadCorpus.js';
import { loadCachedCorpus } from '../../src/load/loadCachedCorpus.js';
import { CachedItemMap } from '../../src/load/cachedItems.js';
import { bundledPagesDir } from '../../src/paths.js';
import { getEnrichers } from '../../src/enrich/getEnrichers.js';
import { parseQuery } from '../../src/query/parseQuery.js';
import { rankQuery } from '../../src/query/queryTerms.js';
import { makeTempDir } from '../helpers/runMeso.js';
import { matchFilters } from '../../src/query/filterItems.js';

// A corpus read back from the cache parses its items as they are asked for (see src/load/cachedItems.ts). It
// must be the corpus read from the pages, however its items are reached, and rank the same.

function cachedTwice() {
  const pages = makeTempDir('meso-cached-pages-');
  cpSync(bundledPagesDir(), pages, { recursive: true });
  const cacheDir = makeTempDir('meso-cached-dir-');
  const log: string[] = [];
  const options = { paths: [pages] };
  loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
  const warm = loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
  expect(log.join('\n')).toMatch(/read the cache/);
  return { warm, fresh: loadCorpus(options) };
}

/** Items as their JSON records: what a reader sees. */
const records = (items: readonly object[]) => JSON.parse(JSON.stringify(items)) as unknown;

describe('a corpus read from the cache', () => {
  it('has the items of the pages, in order, whether all are asked for first or one by one', () => {
    const a = cachedTwice();
    expect(a.warm.byId).toBeInstanceOf(CachedItemMap);
    expect(records(a.warm.items)).toEqual(records(a.fresh.items));

    const b = cachedTwice();
    const some = [b.fresh.items[7]!, b.fresh.items[3]!, b.fresh.items[40]!].map((i) => b.warm.byId.get(i.id)!);
    expect(records(some)).toEqual(records([b.fresh.items[7]!, b.fresh.items[3]!, b.fresh.items[40]!]));
    // then every item: the ones handed out already are the same objects
    expect(b.warm.items[7]).toBe(some[0]);
    expect(b.warm.items[40]).toBe(some[2]);
    expect(records(b.warm.items)).toEqual(records(b.fresh.items));

    // past a quarter of the items asked one by one, the rest are parsed at once: still the same objects
    const c = cachedTwice();
    const many = c.fresh.items.filter((_, n) => n % 2 === 0).map((i) => c.warm.byId.get(i.id)!);
    expect(many.length).toBeGreaterThan(c.fresh.items.length / 4);
    expect(records(many)).toEqual(records(c.fresh.items.filter((_, n) => n % 2 === 0)));
    expect(c.warm.items.filter((_, n) => n % 2 === 0)).toEqual(many);
    c.warm.items.forEach((item, n) => {
      if (n % 2 === 0) expect(item).toBe(many[n / 2]);
    });
  });

  it('answers as a Map of the items by id', () => {
    const { warm, fresh } = cachedTwice();
    expect(warm.byId.size).toBe(fresh.byId.size);
    expect([...warm.byId.keys()]).toEqual([...fresh.byId.keys()]);
    expect(records([...warm.byId.values()])).toEqual(records([...fresh.byId.values()]));
    expect(records([...warm.byId].map(([id, i]) => [id, i.title]))).toEqual(
      records([...fresh.byId].map(([id, i]) => [id, i.title])),
    );
    expect(warm.byId.has(fresh.items[0]!.id)).toBe(true);
    expect(warm.byId.has('no-such-id')).toBe(false);
    expect(warm.byId.get('no-such-id')).toBeUndefined();
  });

  it('lists the items of a topic or country from the cache as walking every item finds them', () => {
    const { warm, fresh } = cachedTwice();
    const map = warm.byId as CachedItemMap;
    for (const [topics, countries] of [
      [['trafficking'], []],
      [[], ['Mexico', 'Honduras']],
      [['health', 'return'], ['Belize']],
      [['no-such-topic'], []],
    ] as const) {
      const found = [...map.cached.tagged(topics, countries)].map((i) => i.id);
      const walked = fresh.items
        .filter((i) => topics.some((t) => i.topics.includes(t)) || countries.some((c) => i.countries.includes(c)))
        .map((i) => i.id);
      expect(found, `${topics} ${countries}`).toEqual(walked);
      if (topics[0] !== 'no-such-topic') expect(found.length).toBeGreaterThan(0);
    }
  });

  it('ranks every judged kind of query as the corpus read from the pages does, parsing only some items', () => {
    const { warm, fresh } = cachedTwice();
    for (const q of ['trafficking', 'migrant children honduras', 'Mexico', 'retorno voluntario', 'traffick*']) {
      const rank = (c: typeof warm) =>
        rankQuery(c, parseQuery(q), getEnrichers()).map((r) => [r.item.id, r.score.toPrecision(12), r.tags]);
      expect(rank(warm), q).toEqual(rank(fresh));
    }
  });

  it('keeps the items listing a topic first and those of a primary country as walking every item finds them', () => {
    const { warm, fresh } = cachedTwice();
    const map = warm.byId as CachedItemMap;
    let some = 0;
    for (const topic of ['trafficking', 'health', 'return', 'governance'])
      for (const [key, has] of [
        [`t:${topic}`, (i: (typeof fresh.items)[number]) => i.topics.includes(topic)],
        [`f:${topic}`, (i: (typeof fresh.items)[number]) => i.topics[0] === topic],
      ] as const) {
        const walked = fresh.items.flatMap((i, n) => (has(i) ? [n] : []));
        const tagged = map.cached.withTag(key);
        expect(
          fresh.items.flatMap((_, n) => (tagged.has(n) ? [n] : [])),
          key,
        ).toEqual(walked);
        some += walked.length;
      }
    for (const country of ['Mexico', 'Costa Rica', 'Honduras']) {
      const walked = fresh.items.flatMap((i, n) => (i.primaryCountry === country ? [n] : []));
      const tagged = map.cached.withTag(`p:${country}`);
      expect(
        fresh.items.flatMap((_, n) => (tagged.has(n) ? [n] : [])),
        country,
      ).toEqual(walked);
      some += walked.length;
    }
    expect(some).toBeGreaterThan(0);
  });

  it('finds the items with any of some topics or countries, ascending, as walking every item finds them', () => {
    const { warm, fresh } = cachedTwice();
    const map = warm.byId as CachedItemMap;
    const cases: Array<[string[], string[]]> = [
      [['trafficking'], []],
      [[], ['Mexico']],
      [
        ['health', 'return'],
        ['Costa Rica', 'Honduras'],
      ],
      [['no-such-topic'], []],
    ];
    for (const [topics, countries] of cases) {
      const walked = fresh.items.flatMap((i, n) =>
        i.topics.some((t) => topics.includes(t)) || i.countries.some((c) => countries.includes(c)) ? [n] : [],
      );
      expect(map.cached.taggedNumbers(topics, countries), `${topics} ${countries}`).toEqual(walked);
    }
  });

  it('ranks without parsing items when nothing but the ranking needs them, and the same as the pages', () => {
    const cases: Array<[string, Parameters<typeof rankQuery>[3]]> = [
      ['trafficking', {}],
      ['Mexico', {}],
      ['Honduras migrants', {}],
      ['trata de personas', {}],
      ['trafficking', { sort: 'date' }],
      ['migrants', {}],
    ];
    for (const [q, options] of cases) {
      const { warm, fresh } = cachedTwice();
      const at = vi.spyOn((warm.byId as CachedItemMap).cached, 'at');
      // nor a map of every id (at 100,000 items, tens of milliseconds): items are known by their numbers
      const numberOf = vi.spyOn((warm.byId as CachedItemMap).cached, 'numberOf');
      const rank = (c: typeof warm) =>
        rankQuery(c, parseQuery(q), getEnrichers(), { ...options, feedback: false }).map((r) => [
          r.id,
          r.score.toPrecision(12),
          r.level,
          r.tags,
        ]);
      const ranked = rank(warm);
      expect(at, q).not.toHaveBeenCalled();
      expect(ranked, q).toEqual(rank(fresh));
      expect(ranked.length, q).toBeGreaterThan(3);
      // the hits printed are parsed, those only
      const top = rankQuery(warm, parseQuery(q), getEnrichers(), { ...options, feedback: false }).slice(0, 3);
      expect(top.map((r) => r.item.id)).toEqual(ranked.slice(0, 3).map((r) => r[0]));
      expect(at.mock.calls.length, q).toBe(3);
      expect(numberOf, q).not.toHaveBeenCalled();
    }
  });

  it('ranks with filters and exclusions as the corpus read from the pages does', () => {
    const { warm, fresh } = cachedTwice();
    const allow = matchFilters({ countries: ['Mexico'], topics: [], since: null, until: null });
    for (const [q, options] of [
      ['trafficking', { allow }],
      ['Mexico -trafficking', {}],
      ['"trafficking in persons"', {}],
      ['migrants', { allow, sort: 'date' as const }],
    ] as const) {
      const rank = (c: typeof warm) =>
        rankQuery(c, parseQuery(q), getEnrichers(), options).map((r) => [r.item.id, r.score.toPrecision(12), r.tags]);
      const ranked = rank(warm);
      expect(ranked, q).toEqual(rank(fresh));
      expect(ranked.length, q).toBeGreaterThan(0);
    }
  });

  it('reads an item from the file when it is asked for, and makes the corpus again from the pages when it is damaged', () => {
    const pages = makeTempDir('meso-cached-pages-');
    cpSync(bundledPagesDir(), pages, { recursive: true });
    const cacheDir = makeTempDir('meso-cached-dir-');
    const log: string[] = [];
    const options = { paths: [pages] };
    const fresh = loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.cache'))!);
    const good = readFileSync(file);
    // one letter of the 30th item's title changed: the cache's own checksums (header, items' line, index head)
    // still hold
    const title = fresh.items[30]!.title;
    const at = good.indexOf(`"title":${JSON.stringify(title)}`) + 9;
    const bad = Buffer.from(good);
    bad[at] = bad[at] === 65 ? 66 : 65;
    writeFileSync(file, bad);

    const warm = loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
    expect(log.join('\n')).toMatch(/read the cache/);
    expect(warm.byId.get(fresh.items[3]!.id)!.title).toBe(fresh.items[3]!.title);
    expect(log.join('\n')).not.toMatch(/damaged item/);
    expect(warm.byId.get(fresh.items[30]!.id)!.title).toBe(title);
    expect(log.join('\n')).toMatch(/cache fails its checksum \(a damaged item\): rebuilding/);
    expect(records(warm.items)).toEqual(records(fresh.items));
    // and the cache was written again
    expect(readFileSync(file).equals(good)).toBe(true);
  });

  it('holds its key whole, however many pages it has (a header line past the first 4 KB), and reads them', () => {
    const pages = makeTempDir('meso-cached-many-pages-');
    const page = readFileSync(path.join(bundledPagesDir(), readdirSync(bundledPagesDir())[0]!), 'utf8');
    for (let n = 0; n < 60; n++) writeFileSync(path.join(pages, `a-page-with-a-rather-long-name-${n}.txt`), page);
    const cacheDir = makeTempDir('meso-cached-dir-');
    const log: string[] = [];
    const options = { paths: [pages] };
    const fresh = loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.cache'))!);
    expect(readFileSync(file).indexOf(10)).toBeGreaterThan(4096);
    const warm = loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
    expect(log.join('\n')).toMatch(/read the cache/);
    expect(records(warm.items)).toEqual(records(fresh.items));
    // one more page changes the key: built again
    writeFileSync(path.join(pages, 'one-more.txt'), page);
    const before = log.length;
    loadCachedCorpus(options, { cacheDir, env: {}, log: (m) => log.push(m) });
    expect(log.slice(before).join('\n')).toMatch(/cache is stale/);
  });
});
