import { describe, expect, it } from 'vitest';
import { commandNamed, createProgram, runCli } from '../src/cli.js';
import { describeProgram } from '../src/commands/describeProgram.js';
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

describe('commandNamed and a program of one command', () => {
  const silent: Runtime = { out: () => {}, err: () => {}, env: {}, isTTY: false };
  const full = createProgram(silent);

  it('finds the command after the flags before it, skipping the values of those that take one', () => {
    expect(commandNamed(['search', 'trafficking'])).toBe('search');
    expect(commandNamed(['--data', 'list', 'timeline', '--by', 'year'])).toBe('timeline');
    expect(commandNamed(['--cache-dir', 'search', '--no-cache', '-q', 'list'])).toBe('list');
    expect(commandNamed(['--data=search', 'countries'])).toBe('countries');
    expect(commandNamed(['--max-page-bytes', '10', 'show', 'abc'])).toBe('show');
  });

  it('leaves to the whole program what needs it: no command, an unknown one, help, completion, --', () => {
    for (const args of [[], ['--verbose'], ['serch', 'x'], ['help', 'search'], ['completion', 'bash'], ['--', 'list']])
      expect(commandNamed(args), args.join(' ')).toBeUndefined();
  });

  it('knows every command of the whole program but help', () => {
    const named = full.commands.map((c) => c.name()).filter((n) => commandNamed([n]) !== undefined);
    expect(named.sort()).toEqual(
      full.commands
        .map((c) => c.name())
        .filter((n) => n !== 'help' && n !== 'completion')
        .sort(),
    );
    expect(named.length).toBeGreaterThan(8);
  });

  it('defines each command alone exactly as the whole program does', () => {
    const whole = describeProgram(full, '0');
    for (const spec of whole.commands) {
      const only = commandNamed([spec.name]);
      if (only === undefined) continue;
      const alone = describeProgram(createProgram(silent, only), '0');
      expect(alone.commands).toEqual([spec]);
      expect(alone.options).toEqual(whole.options);
    }
  });

  it('answers a mistyped flag as the whole program does, word for word', async () => {
    /** What a program says for a command line: the error it throws and what it writes on stderr. */
    const answer = async (only: string | undefined, argv: string[]) => {
      const err: string[] = [];
      const program = createProgram({ ...silent, err: (t) => void err.push(t) }, only);
      const e = await program.parseAsync(['node', 'meso', ...argv]).then(
        () => undefined,
        (x: Error) => x,
      );
      return { error: e && `${e.constructor.name}: ${e.message}`, err: err.join('') };
    };
    for (const argv of [
      ['search', 'x', '--contry', 'Mexico'],
      ['--data', 'list', 'timeline', '--bye', 'year'],
      ['list', '--limit', 'many'],
    ]) {
      const alone = await answer(commandNamed(argv), argv);
      expect(commandNamed(argv)).toBeDefined();
      expect(alone.error, argv.join(' ')).toMatch(/unknown option|invalid|--limit/);
      expect(alone).toEqual(await answer(undefined, argv));
    }
  });

  it('leaves a mistyped command to the whole program, which suggests the right one', async () => {
    const err: string[] = [];
    const status = await runCli(['node', 'meso', 'serch', 'x'], { ...silent, err: (t) => void err.push(t) });
    expect(status).toBe(2);
    expect(err.join('')).toMatch(/unknown command 'serch'[\s\S]*search/);
  });
});
