import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import type { Runtime } from '../src/runtime.js';

/** A runtime whose stdout fails the way a full disk would: an error meso does not expect. */
function failingRuntime() {
  const err: string[] = [];
  const rt: Runtime = {
    out: () => {
      throw new Error('ENOSPC: no space left on device, write');
    },
    err: (t) => void err.push(t),
    env: { NO_COLOR: '1' },
    isTTY: false,
  };
  return { rt, err };
}

describe('runCli', () => {
  it('reports an unexpected error in one line, with exit status 2', async () => {
    const { rt, err } = failingRuntime();
    const status = await runCli(['node', 'meso', 'list', '--json', '--no-cache'], rt);
    expect(status).toBe(2);
    const text = err.join('');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toMatch(
      /^meso: internal error: ENOSPC: no space left on device, write \(run with --debug for the stack\)\n$/,
    );
  });

  it('shows the stack with --debug', async () => {
    const { rt, err } = failingRuntime();
    const status = await runCli(['node', 'meso', 'list', '--json', '--no-cache', '--debug'], rt);
    expect(status).toBe(2);
    expect(err.join('')).toMatch(/\n\s+at /);
  });

  it('maps a usage error to 2 and no results to 1, without a stack', async () => {
    const { err, rt } = failingRuntime();
    expect(await runCli(['node', 'meso', 'list', '--since', 'soon', '--no-cache'], rt)).toBe(2);
    expect(await runCli(['node', 'meso', 'search', 'qqqqzzzz', '--no-cache'], rt)).toBe(1);
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });
});

describe('standard input', () => {
  // Regression: runCli copies the runtime, which read a stdinIsTTY getter (and so opened stdin) on every run.
  it('is looked at only when a page is read from it', async () => {
    let looked = 0;
    const out: string[] = [];
    const rt: Runtime = {
      out: (t) => void out.push(t),
      err: () => {},
      env: { NO_COLOR: '1' },
      isTTY: false,
      stdinIsTTY: () => (looked++, false),
    };
    expect(await runCli(['node', 'meso', 'list', '--json', '--no-cache'], rt)).toBe(0);
    expect(await runCli(['node', 'meso', 'search', 'trafficking', '--no-cache'], rt)).toBe(0);
    expect(out.join('')).toMatch(/Trafficking/);
    expect(looked).toBe(0);
  });
});
