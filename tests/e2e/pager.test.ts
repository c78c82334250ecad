import { describe, expect, it } from 'vitest';
import { createRunner } from '../helpers/runMeso.js';
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
