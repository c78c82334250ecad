import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRunner, makeTempDir, writePages } from '../helpers/runMeso.js';
import { hasScript, runInTerminal } from '../helpers/runInTerminal.js';

const { run } = createRunner();
/** A fake pager: marks every line it is given, so the test sees what went through it. */
const MARKER = "sed 's/^/paged> /'";

describe.skipIf(!hasScript)('the pager, on a terminal', () => {
  it('shows a command’s output through $PAGER', () => {
    const r = runInTerminal(['list'], { env: { PAGER: MARKER } });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.every((l) => l.startsWith('paged> '))).toBe(true);
    expect(r.stdout).toContain('Community Advisors');
  });

  it.skipIf(spawnSync('less', ['--version'], { stdio: 'ignore' }).status !== 0)(
    'uses less -FRX when no pager is set, which shows a short output and quits by itself',
    () => {
      const r = runInTerminal(['list', '-n', '2'], { env: { PAGER: undefined, MESO_PAGER: undefined, LINES: '40' } });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Community Advisors');
    },
  );

  it('prints the --limit note after the paged output, where it would come unpaged (regression: it came first)', () => {
    const r = runInTerminal(['search', 'trafficking', '-n', '2'], { env: { PAGER: MARKER } });
    expect(r.status).toBe(0);
    const note = r.stdout.indexOf('2 of ');
    const lastPaged = r.stdout.lastIndexOf('paged> ');
    expect(note).toBeGreaterThan(-1);
    expect(note).toBeGreaterThan(lastPaged);
  });

  // Regression: PAGER=less (no flags) showed the table's colours as raw escape codes; git sets LESS=FRX for it
  it('gives the pager LESS=FRX and LV=-c, as git does, unless they are set', () => {
    const pager = 'sh -c \'cat >/dev/null; echo "LESS=[$LESS] LV=[$LV]"\'';
    const unset = runInTerminal(['list', '-n', '2'], { env: { PAGER: pager, LESS: undefined, LV: undefined } });
    expect(unset.stdout).toContain('LESS=[FRX] LV=[-c]');
    const set = runInTerminal(['list', '-n', '2'], { env: { PAGER: pager, LESS: '-S', LV: '' } });
    expect(set.stdout).toContain('LESS=[-S] LV=[]');
  });

  // Regression: on a dumb terminal (TERM=dumb) less warned "terminal is not fully functional" and waited for a key
  it('uses no pager on a dumb terminal unless one is chosen, and no colour there', () => {
    const dumb = runInTerminal(['list', '-n', '2'], {
      env: { PAGER: undefined, MESO_PAGER: undefined, TERM: 'dumb', NO_COLOR: undefined },
    });
    expect(dumb.status).toBe(0);
    expect(dumb.stdout).toContain('Community Advisors');
    expect(dumb.stdout).not.toMatch(/not fully functional|\u001b\[/);
    const chosen = runInTerminal(['list', '-n', '2'], { env: { PAGER: MARKER, TERM: 'dumb' } });
    expect(chosen.stdout).toMatch(/^paged> /m);
  });

  it('prefers $MESO_PAGER to $PAGER', () => {
    const r = runInTerminal(['list', '-n', '2'], { env: { PAGER: 'false', MESO_PAGER: "sed 's/^/meso> /'" } });
    expect(r.stdout).toMatch(/^meso> .*Community Advisors/m);
  });

  it('prints directly with --no-pager, with an empty pager or cat, and when the pager does not exist', () => {
    for (const [args, env] of [
      [['list', '--no-pager'], { PAGER: MARKER }],
      [['list'], { PAGER: '' }],
      [['list'], { PAGER: 'cat' }],
      [['list'], { PAGER: 'no-such-pager-4711' }],
    ] as Array<[string[], Record<string, string>]>) {
      const r = runInTerminal(args, { env, shell: '2>/dev/null' });
      expect(r.status, JSON.stringify(env)).toBe(0);
      expect(r.stdout).not.toContain('paged> ');
      expect(r.stdout).toContain('Community Advisors');
    }
  });

  it('never pages in a pipe', () => {
    const r = run(['list'], { env: { PAGER: MARKER, MESO_PAGER: MARKER } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('paged> ');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(50);
    const piped = runInTerminal(['list'], { env: { PAGER: MARKER }, shell: '| cat' });
    expect(piped.stdout).not.toContain('paged> ');
  });
});

describe.skipIf(!hasScript)('the progress line', () => {
  const pages = writePages(
    Object.fromEntries(
      Array.from({ length: 12 }, (_, p) => [
        `p${p}.txt`,
        Array.from(
          { length: 20 },
          (_, i) => `${1 + (i % 28)} March, 2019\n\nStory ${p}-${i} about migrants in Belize\n\nA summary ${p}-${i}.\n`,
        ).join('\n'),
      ]),
    ),
  );
  // no wait before the line, so the test does not depend on how fast this machine is
  const env = { MESO_PROGRESS_DELAY: '0' };

  it('shows pages read and items indexed on a terminal, and wipes itself before the output', () => {
    const cache = makeTempDir('meso-progress-cache-');
    const r = runInTerminal(['--data', pages, '--cache-dir', cache, 'list', '--json', '--no-pager'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('meso: 12 pages read');
    expect(r.stdout).toMatch(/meso: reading pages \d+\/12/);
    expect(r.stdout).toContain('meso: indexing 240 items');
    const afterLine = r.stdout.slice(r.stdout.lastIndexOf('\x1b[K') + 3);
    expect(JSON.parse(afterLine)).toHaveLength(240);
  });

  it('is absent in a pipe and with --quiet', () => {
    const piped = run(['--data', pages, '--no-cache', 'list', '--json'], { env });
    expect(piped.stderr).toBe('');
    expect(JSON.parse(piped.stdout)).toHaveLength(240);
    const quiet = runInTerminal(['--data', pages, '--no-cache', '-q', 'list', '--json', '--no-pager'], { env });
    expect(quiet.stdout).not.toContain('reading pages');
    expect(quiet.stdout).not.toContain('\x1b[K');
  });
});
