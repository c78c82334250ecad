import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, json, makeTempDir } from '../helpers/runMeso.js';

const ARTICLE = `Belize hosts a regional workshop on labour migration

Belize, Guatemala

5 December, 2018

Belmopan, Belize. Officials of the region met to discuss fair recruitment of migrant workers.

The second day turned to seasonal agriculture, where sugarcane cutters cross the border each harvest.

Participants agreed to share data on recruitment agencies before the next meeting.
`;

describe('search over article pages', () => {
  const { run } = createRunner();
  const dir = makeTempDir();
  writeFileSync(path.join(dir, 'article.txt'), ARTICLE);

  it('finds an article by a word only its body holds, with the passage from the body', () => {
    const r = run(['--data', dir, 'search', 'sugarcane', '--json']);
    expect(r.status).toBe(0);
    const [hit] = json<Array<{ title: string; body: string; snippet: { field: string; text: string } }>>(r);
    expect(hit!.title).toBe('Belize hosts a regional workshop on labour migration');
    expect(hit!.body).toContain('sugarcane cutters');
    expect(hit!.snippet.field).toBe('body');
    expect(hit!.snippet.text).toContain('sugarcane');
  });

  it('still takes the passage from the summary when the summary matches', () => {
    const r = run(['--data', dir, 'search', 'recruitment', '--json']);
    expect(json<Array<{ snippet: { field: string } }>>(r)[0]!.snippet.field).toBe('summary');
  });
});
