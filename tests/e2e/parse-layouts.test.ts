import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, json, writePages } from '../helpers/runMeso.js';

const { run } = createRunner();

const ARTICLE = [
  'Home > News',
  '',
  'Costa Rica Hosts Regional Meeting on Labour Migration',
  '',
  'Belize, Costa Rica, El Salvador',
  '',
  '5 December, 2018',
  '',
  'Share: Facebook Twitter LinkedIn',
  '',
  'San José, Costa Rica. Representatives of the ministries of labour met on 3 and 4 December.',
  '',
  'The meeting was organized by IOM together with the ILO, in Belmopan and San Salvador.',
  '',
  'Every year, tens of thousands of workers cross borders in the region.',
  '',
  'The conclusions will be presented to the Regional Conference on Migration.',
  '',
].join('\n');

const LISTING = [
  'Nicaragua',
  '',
  'English',
  '',
  'Trafficking Survivors in Nicaragua Receive Vocational Training',
  '',
  '8 January, 2020',
  '',
  'Managua, Nicaragua. Fifteen women completed courses.',
  '',
  'A Photo Exhibition Opens',
  '',
  'English',
  '',
  'Returnees Share Their Experiences at a Forum in Somoto',
  '',
  '22 January, 2020',
  '',
  'Somoto, Nicaragua. Young people told students about the dangers of the route.',
  '',
].join('\n');

describe('meso parse on the site’s other layouts', () => {
  it('prints the reading it chose and why, the items, and every line left out, as notes or warnings', () => {
    const dir = writePages({ 'article.txt': ARTICLE });
    const r = run(['parse', path.join(dir, 'article.txt')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('article.txt: article, dated layout, 1 item');
    expect(r.stdout).toMatch(/layout: dates after their titles: 1 of 1 date line .*an article/);
    expect(r.stdout).toMatch(
      /3 {2}2018-12-05 {2}Costa Rica Hosts Regional Meeting on Labour Migration {2}\(article: 4 paragraphs\)/,
    );
    expect(r.stdout).toContain('note: article.txt:1: page furniture');
    expect(r.stdout).toContain('note: article.txt:9: page furniture');
  });

  it('--strict passes a page whose only left-out lines are notes, and fails on a doubt', () => {
    const dir = writePages({ 'article.txt': ARTICLE, 'listing.txt': LISTING });
    expect(run(['parse', '--strict', path.join(dir, 'article.txt')]).status).toBe(0);
    const r = run(['parse', '--strict', path.join(dir, 'listing.txt')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('doubt: listing.txt:11:');
    expect(r.stderr).toMatch(/--strict: 1 line/);
  });

  it('gives the JSON of each page its kind, date order and reason, and an article its body and facts', () => {
    const dir = writePages({ 'article.txt': ARTICLE });
    const out = json<{ pages: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }> }>(
      run(['parse', '--json', path.join(dir, 'article.txt')]),
    );
    const [page] = out.pages;
    expect([page!.kind, page!.order]).toEqual(['article', 'title-first']);
    expect(page!.items[0]!.facts).toEqual({
      tags: ['Belize', 'Costa Rica', 'El Salvador'],
      dateline: 'San José, Costa Rica',
    });
    expect(String(page!.items[0]!.body).split('\n\n')).toHaveLength(4);
  });
});

describe('meso list and show on an article page', () => {
  it('lists the article as one item with its body, countries from its tag line, and no warnings', () => {
    const dir = writePages({ 'article.txt': ARTICLE });
    const r = run(['list', '--data', dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const items =
      json<Array<{ title: string; summary: string; body: string; countries: string[]; primaryCountry: string }>>(r);
    expect(items).toHaveLength(1);
    expect(items[0]!.summary).toBe(
      'San José, Costa Rica. Representatives of the ministries of labour met on 3 and 4 December.',
    );
    expect(items[0]!.body.split('\n\n')).toHaveLength(4);
    expect(items[0]!.countries.slice(0, 3).sort()).toEqual(['Belize', 'Costa Rica', 'El Salvador']);
    expect(items[0]!.primaryCountry).toBeNull();
  });

  it('shows the full text and the tag line as page evidence', () => {
    const dir = writePages({ 'article.txt': ARTICLE });
    const id = json<Array<{ id: string }>>(run(['list', '--data', dir, '--json']))[0]!.id;
    const r = run(['show', id, '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('(full text)');
    expect(r.stdout).toContain('The conclusions will be presented to the Regional Conference on Migration.');
    expect(r.stdout).toMatch(/page {4}Belize: "Belize, Costa Rica, El Salvador"/);
    const shown = json<{ body: string; evidence: Array<{ kind: string }> }>(run(['show', id, '--data', dir, '--json']));
    expect(shown.body.split('\n\n')).toHaveLength(4);
    expect(shown.evidence.some((e) => e.kind === 'page')).toBe(true);
  });
});
