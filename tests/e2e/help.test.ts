import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { BIN, createRunner, makeTempDir, mesoEnv, ROOT } from '../helpers/runMeso.js';
import { hasScript } from '../helpers/runInTerminal.js';

const { run, cacheHome } = createRunner();

/**
 * What commander prints for these arguments when standard output is not a terminal (or is one of `columns`):
 * runCli, in this process.
 */
async function commanderHelp(args: string[], columns?: number): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(['node', 'meso', ...args], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env: {},
    isTTY: columns !== undefined,
    columns,
  });
  return { status, out, err };
}

const COMMANDS = ['search', 'list', 'show', 'similar', 'timeline', 'countries', 'topics', 'stats', 'parse', 'export'];
const HELP_LINES = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ...[...COMMANDS, 'completion'].flatMap((c) => [
    [c, '--help'],
    [c, '-h'],
    ['help', c],
  ]),
];

/** A copy of the built package (entry, bundle, data) in a temporary folder, to damage without touching dist/. */
function copyPackage(): string {
  const dir = makeTempDir('meso-help-pkg-');
  for (const f of ['bin', 'dist', 'data', 'package.json'])
    cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  return dir;
}

/** Runs a command line under a pseudo-terminal of the given width (util-linux script, as runInTerminal). */
function runAtWidth(bin: string, args: string[], columns: number) {
  const line = `stty cols ${columns} rows 40; '${process.execPath}' '${bin}' ${args.join(' ')}`;
  const r = spawnSync('script', ['-qec', line, '/dev/null'], {
    cwd: ROOT,
    env: mesoEnv(cacheHome),
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout.replace(/\r\n/g, '\n') };
}

describe('help', () => {
  it.each(HELP_LINES.map((args) => [args.join(' ') || '(no arguments)', args]))(
    'into a pipe is what commander prints: meso %s',
    async (_name, args) => {
      const expected = await commanderHelp(args as string[]);
      expect(expected.status).toBe(0);
      expect(expected.out).toMatch(/^Usage: meso/);
      const r = run(args as string[]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(expected.out);
    },
  );

  // Regression: the epilogue's Data/Colour/Pager lines, the examples and several commands' notes ran past 80
  // columns, so an 80-column terminal broke them inside words (FORCE_C / OLOR).
  it('meso --help fits an 80-column terminal', () => {
    const wide = run(['--help'])
      .stdout.split('\n')
      .filter((line) => line.length > 80);
    expect(wide).toEqual([]);
  });

  // Regression: meso --help showed `meso show 3f2a1bc`, which names no item of the bundled pages (exit 1)
  it('names items of the bundled pages in its examples of show and similar', async () => {
    const texts = await Promise.all([[], ...COMMANDS.map((c) => [c])].map((c) => commanderHelp([...c, '--help'])));
    const ids = new Set(
      texts.flatMap((t) => [...t.out.matchAll(/meso (?:show|similar) ([0-9a-f]{6,12})\b/g)].map((m) => m[1]!)),
    );
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) {
      const r = run(['show', id, '--json']);
      expect(r.status, `meso show ${id}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).id.startsWith(id)).toBe(true);
    }
  });

  it('every help text fits 80 columns', async () => {
    for (const args of HELP_LINES) {
      const { out } = await commanderHelp(args);
      const wide = out.split('\n').filter((line) => line.length > 80);
      expect(wide, `meso ${args.join(' ')}`).toEqual([]);
    }
  });

  it('is the same text whatever the colour settings and COLUMNS say, in a pipe', async () => {
    const expected = (await commanderHelp(['search', '--help'])).out;
    for (const env of [{ FORCE_COLOR: '3' }, { NO_COLOR: '1' }, { NO_COLOR: undefined, COLUMNS: '40' }])
      expect(run(['search', '--help'], { env }).stdout).toBe(expected);
  });

  it('still comes from commander for a command line that also gives flags, or names no command', async () => {
    for (const args of [
      ['--no-color', '--help'],
      ['nothing', '--help'],
      ['help', 'nothing'],
    ]) {
      const expected = await commanderHelp(args);
      const r = run(args);
      expect([r.status, r.stdout, r.stderr]).toEqual([expected.status, expected.out, expected.err]);
    }
  });

  it('prints dist/help.json into a pipe, and falls back to commander when it is damaged or missing', async () => {
    const dir = copyPackage();
    const bin = path.join(dir, 'bin', 'meso.js');
    const help = path.join(dir, 'dist', 'help.json');
    const expected = (await commanderHelp(['list', '--help'])).out;
    writeFileSync(help, JSON.stringify({ list: 'the text of the file\n' }));
    expect(run(['list', '--help'], { bin }).stdout).toBe('the text of the file\n');
    expect(run(['stats', '--help'], { bin }).stdout).toBe((await commanderHelp(['stats', '--help'])).out);
    writeFileSync(help, '{"list": "cut off');
    expect(run(['list', '--help'], { bin }).stdout).toBe(expected);
    rmSync(help);
    expect(run(['list', '--help'], { bin }).stdout).toBe(expected);
  });

  it.skipIf(process.platform === 'win32')(
    'into /dev/null prints from dist/help.json without making a stream for it (it loaded the stream modules)',
    () => {
      // a preload records which of Node's modules the run loaded; /dev/null is a character device, as a
      // terminal is, and is told from one by its device number
      const dir = makeTempDir('meso-help-devnull-');
      const hook = path.join(dir, 'modules.cjs');
      const list = path.join(dir, 'modules.txt');
      writeFileSync(
        hook,
        `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
      );
      const modules = (args: string[]) => {
        const r = spawnSync(process.execPath, ['-r', hook, ...args], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: mesoEnv(cacheHome),
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(0);
        return readFileSync(list, 'utf8').split('\n');
      };
      const bare = new Set(modules(['-e', '0'])); // what Node loads for nothing
      const extra = modules([BIN, 'search', '--help']).filter((m) => !bare.has(m));
      expect(extra.filter((m) => /stream|tty|\bnet\b/.test(m))).toEqual([]);
      // and the same command into a file still prints the built text
      const out = path.join(dir, 'help.txt');
      const fd = openSync(out, 'w');
      spawnSync(process.execPath, [BIN, 'search', '--help'], {
        stdio: ['ignore', fd, 'pipe'],
        env: mesoEnv(cacheHome),
      });
      closeSync(fd);
      expect(readFileSync(out, 'utf8')).toBe(
        JSON.parse(readFileSync(path.join(ROOT, 'dist', 'help.json'), 'utf8')).search,
      );
    },
  );

  it.skipIf(!hasScript)('on a terminal is wrapped by commander to its width, not printed from the file', async () => {
    const dir = copyPackage();
    const bin = path.join(dir, 'bin', 'meso.js');
    writeFileSync(path.join(dir, 'dist', 'help.json'), JSON.stringify({ '': 'the text of the file\n' }));
    const r = runAtWidth(bin, ['--help'], 100);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: meso/);
    // the options and commands are wrapped to the 100 columns (the examples after them are meso's own text)
    const lines = r.stdout.trimEnd().split('\n');
    const table = lines.slice(0, lines.indexOf('Examples:'));
    expect(table.length).toBeGreaterThan(20);
    const widest = Math.max(...table.map((l) => l.length));
    expect(widest).toBeGreaterThan(80);
    expect(widest).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toBe((await commanderHelp(['--help'])).out); // which wraps at 80
  });

  // dist/help.cjs: commander and the commands' definitions, without what the commands do
  it
    .skipIf(!hasScript)
    .each([
      ...HELP_LINES.map((args): [string, number, string[]] => [args.join(' ') || '(no arguments)', 100, args]),
      ['--help', 60, ['--help']],
      ['search --help', 132, ['search', '--help']],
    ])('on a terminal is what commander prints at its width: meso %s (%i columns)', async (_name, columns, args) => {
    const expected = await commanderHelp(args, columns);
    expect(runAtWidth(BIN, args, columns)).toEqual({ status: 0, stdout: expected.out });
  });
});
