import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, createRunner } from '../helpers/runMeso.js';

const { run } = createRunner();
const MAN = path.join(ROOT, 'dist', 'meso.1');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const hasGroff = spawnSync('groff', ['-v'], { stdio: 'ignore' }).status === 0;

/** The man page as a reader sees it: formatted by groff for a UTF-8 terminal, hyphens as typed. */
const rendered = () =>
  execFileSync('groff', ['-man', '-Tutf8', '-rLL=200n', '-P-cbou', MAN], { encoding: 'utf8' })
    .replace(/‐/g, '-')
    .replace(/−/g, '-');

describe('the man page', () => {
  it('is built into dist/ and named in package.json "man", so npm installs it', () => {
    expect(pkg.man).toEqual(['./dist/meso.1']);
    expect(readFileSync(MAN, 'utf8')).toMatch(/^\.TH MESO 1 /);
  });

  it.skipIf(!hasGroff)('formats without a warning', () => {
    const r = spawnSync('groff', ['-man', '-ww', '-z', '-Tutf8', MAN], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!hasGroff)('documents every command and every flag that --help shows', () => {
    const page = rendered();
    const listed = run(['--help']).stdout.split('Commands:\n')[1]!.split('\n\n')[0]!;
    const commands = [...listed.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(commands).toContain('completion');
    for (const c of commands) {
      expect(page, c).toContain(`meso ${c}`);
      const flags = run([c, '--help']).stdout.match(/--[a-z][a-z-]+/g) ?? [];
      for (const f of new Set(flags)) expect(page, `${c} ${f}`).toContain(f);
    }
  });
});
