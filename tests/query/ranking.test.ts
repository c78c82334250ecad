import { describe, expect, it } from 'vitest';
import { evaluateRanking, JUDGED_SETS, ndcg, precision, readJudged, recall } from './evaluateRanking.js';

describe('ranking on the judged query sets', () => {
  const result = evaluateRanking();
  const judged = JUDGED_SETS.flatMap((s) => readJudged(s.file));

  it('judges at least 120 queries, of every kind the query language offers and of natural questions', () => {
    expect(judged.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(judged.map((q) => q.kind));
    for (const k of [
      'word',
      'words',
      'phrase',
      'stem',
      'typo',
      'spanish',
      'accent',
      'prefix',
      'title',
      'exclude',
      'country',
      'topic',
      'question',
      'synonym',
      'acronym',
    ])
      expect(kinds).toContain(k);
  });

  // A set whose judged items the parser does not all find in its pages measures parsing as much as ranking
  // (tests/fixtures/layouts/ until the layout parser reads those pages): it is reported, and joins the floors by
  // itself once every judged item is found.
  it('measures ranking on every judged set whose items the parser finds, always the bundled pages sets', () => {
    const measured = new Set(result.parsed.rows.map((r) => r.set));
    expect(measured).toContain('queries.json');
    expect(measured).toContain('queries-more.json');
    expect(result.parsed.queries).toBeGreaterThanOrEqual(120);
    for (const set of result.incomplete)
      console.warn(`${set}: judged items missing from its pages; left out of the floors`);
  });

  it('reaches nDCG@10 of at least 0.90 and recall@20 of at least 0.90 over those judged queries', () => {
    // measured 0.928 and 0.955 over the 163 queries of queries.json and queries-more.json when these floors
    // were set; before best match, the thesaurus, acronyms and feedback: 0.463 and 0.467. With site3: 0.919 and
    // 0.951 over the 370 queries of the five tuned sets (site3 alone 0.896 / 0.930). With site4: 0.903 / 0.931 over
    // the 465 queries of the six. With site5: 0.898 / 0.933 over the 559 of the seven on the code before its round,
    // 0.907 / 0.934 after
    expect(result.parsed.meso.ndcg).toBeGreaterThanOrEqual(0.9);
    expect(result.parsed.meso.recall).toBeGreaterThanOrEqual(0.9);
  });

  // site4 (95 queries, 49 of them questions) was written for the round that tuned on it: 0.787 / 0.797 on the
  // code before that round, 0.835 / 0.839 after, 0.848 / 0.837 after the site5 round; its floor sits below the
  // others' until ranking reaches theirs. site5 (0.868 before its round, 0.895 after) holds the common floor.
  const FILE_FLOOR: Record<string, number> = { 'site4/queries.json': 0.84 };
  it('reaches nDCG@10 of at least 0.85 on each of those judged files (site4: 0.84)', () => {
    for (const [set, r] of Object.entries(result.bySet))
      if (!result.incomplete.includes(set)) expect(r.meso.ndcg, set).toBeGreaterThanOrEqual(FILE_FLOOR[set] ?? 0.85);
  });

  it('ranks better than plain MiniSearch with default options on the same queries', () => {
    expect(result.meso.ndcg).toBeGreaterThan(result.plain.ndcg + 0.2);
  });

  it('finds something relevant for every typo, Spanish, stem, question and synonym query', () => {
    for (const r of result.parsed.rows.filter((x) =>
      ['typo', 'spanish', 'stem', 'question', 'synonym'].includes(x.kind),
    ))
      expect(r.meso.recall, r.query).toBeGreaterThan(0);
  });

  it('answers every natural question: none returns nothing', () => {
    for (const r of result.rows.filter((x) => x.kind === 'question')) expect(r.found, r.query).toBeGreaterThan(0);
  });
});

describe('ndcg and recall', () => {
  const judged = [
    { title: 'A', grade: 2 },
    { title: 'B', grade: 1 },
  ];
  it('gives 1 for the ideal order and less for a worse one', () => {
    expect(ndcg(['A', 'B'], judged, 10)).toBeCloseTo(1);
    expect(ndcg(['B', 'A'], judged, 10)).toBeLessThan(1);
    expect(ndcg(['X', 'Y'], judged, 10)).toBe(0);
  });
  it('counts the share of relevant titles in the first k', () => {
    expect(recall(['A', 'X'], judged, 20)).toBe(0.5);
    expect(recall(['X', 'A'], judged, 1)).toBe(0);
  });
  it('counts the share of the first k results that are relevant, of all results when fewer', () => {
    expect(precision(['A', 'X', 'B', 'Y'], judged, 20)).toBe(0.5);
    expect(precision(['A', 'X', 'B', 'Y'], judged, 1)).toBe(1);
    expect(precision(['X', 'A'], judged, 1)).toBe(0);
    expect(precision(['A', 'B', 'X'], [...judged, { title: 'X', grade: 0 }], 20)).toBeCloseTo(2 / 3);
    expect(precision([], judged, 20)).toBe(1); // nothing shown: nothing shown wrongly
  });
});
