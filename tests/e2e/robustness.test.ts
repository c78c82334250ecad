import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  openSync,
  watch,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { crc32 } from '../../src/io/crc32.js';
import { readBlock } from '../../src/io/jsonBlock.js';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  BIN,
  ROOT,
  createRunner,
  json,
  makeTempDir,
  mesoEnv,
  writePages,
  TWO_ITEM_PAGE,
  STRAY_LINE_PAGE,
} from '../helpers/runMeso.js';

const { run, cacheHome } = createRunner();

type Item = { id: string; title: string; date: string | null; summary: string };

const shape = (items: Item[]) => items.map((i) => ({ title: i.title, date: i.date, summary: i.summary }));
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const STACK = /^\s+at /m;
/** Every stderr line is a meso message: a raw newline inside a file name would start a line that is not. */
const stderrLines = (s: string) => s.split('\n').filter((l) => l !== '');

/** A page of n generated dated items, all about Belize. */
function generatedPage(n: number, from = 0): string {
  const months = ['January', 'February', 'March', 'April'];
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const i = from + k;
    lines.push(
      `${1 + (i % 28)} ${months[i % 4]}, 2019`,
      '',
      `Generated item number ${i} about Belize and migration`,
      '',
      `Summary text for generated item ${i} on trafficking in Panama.`,
      '',
    );
  }
  return lines.join('\n');
}

let big3000: string | undefined;
const folder3000 = () => (big3000 ??= writePages({ 'big.txt': generatedPage(3000) }));

let big60000: string | undefined;
const folder60000 = () => {
  if (big60000) return big60000;
  const pages: Record<string, string> = {};
  for (let p = 0; p < 30; p++) pages[`p${String(p).padStart(2, '0')}.txt`] = generatedPage(2000, p * 2000);
  return (big60000 = writePages(pages));
};

describe('page encodings and line endings', () => {
  const clean = () =>
    shape(json<Item[]>(run(['list', '--json', '--no-cache', '--data', writePages({ 'p.txt': TWO_ITEM_PAGE })])));

  it.each([
    ['BOM + CRLF', `\uFEFF${TWO_ITEM_PAGE.replace(/\n/g, '\r\n')}`],
    ['lone CR', TWO_ITEM_PAGE.replace(/\n/g, '\r')],
    [
      'tabs',
      TWO_ITEM_PAGE.split('\n')
        .map((l) => (l ? `\t${l.replace(/ /g, '\t')}\t` : l))
        .join('\n'),
    ],
    ['no final newline', TWO_ITEM_PAGE.replace(/\n+$/, '')],
  ])('a page with %s gives the same list --json items as the clean page', (_name, text) => {
    const expected = clean();
    expect(expected).toHaveLength(2);
    const r = run(['list', '--json', '--data', writePages({ 'p.txt': text })]);
    expect(r.status, r.stderr).toBe(0);
    expect(shape(json<Item[]>(r))).toEqual(expected);
    expect(r.stderr).toBe('');
  });

  it('warns about invalid UTF-8 with the file and its byte offset, exits 0 and lists the other items', () => {
    const prefix = Buffer.from('3 March, 2019\n\nTitle with a bad ', 'utf8');
    const bad = Buffer.concat([
      prefix,
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' byte about Mexico\n\nSummary of the bad page.\n', 'utf8'),
    ]);
    const dir = writePages({ 'good.txt': TWO_ITEM_PAGE });
    writeFileSync(path.join(dir, 'bad.txt'), bad);
    const r = run(['list', '--json', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const warning = stderrLines(r.stderr).find((l) => l.includes('bad.txt'));
    expect(warning, r.stderr).toBeDefined();
    expect(warning).toContain(`byte ${prefix.length}`);
    const titles = json<Item[]>(r).map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['First test title about Belize', 'Second test title about Panama']));
  });
});

describe('files that are not pages', () => {
  // Regression: stats counted a merge's warning (one story under two dates) in its total, on no page
  it('counts every diagnostic on the page it points at, so the pages add up to the total', () => {
    const story = (date: string) => `${date}\n\nA story about Belize\n\nIts summary here.\n`;
    const dir = writePages({ 'a.txt': story('5 March, 2019'), 'b.txt': story('6 March, 2019') });
    const stats = json<{ diagnostics: number; perPage: Array<{ diagnostics: number }> }>(
      run(['stats', '--json', '--data', dir]),
    );
    expect(stats.diagnostics).toBeGreaterThan(0);
    expect(stats.perPage.reduce((n, p) => n + p.diagnostics, 0)).toBe(stats.diagnostics);
  });

  // Regression: a page of titles only gave no item and no warning: `meso list` said only "no items in the data"
  it('warns, with file and line, about a page whose every line was set aside, and counts it in stats', () => {
    const dir = writePages({ 'titles.txt': 'First title\n\nSecond title\n\nThird title\n', 'good.txt': TWO_ITEM_PAGE });
    const r = run(['list', '--json', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(stderrLines(r.stderr)).toEqual([
      'meso: warning: titles.txt:1: no item on this page: its 3 lines read as headings or furniture (meso parse shows how each was read)',
    ]);
    const stats = json<{ diagnostics: number; perPage: Array<{ file: string; diagnostics: number }> }>(
      run(['stats', '--json', '--data', dir]),
    );
    expect(stats.perPage.find((p) => p.file === 'titles.txt')!.diagnostics).toBe(1);
    expect(stats.diagnostics).toBe(1);
    expect(run(['list', '--json', '--data', dir]).stderr).not.toContain('good.txt');
  });

  it('warns once each about a NUL binary, a PNG renamed .png.txt, an empty and a blank-only file, and lists the good page', () => {
    const dir = writePages({ 'good.txt': TWO_ITEM_PAGE, 'empty.txt': '', 'blank.txt': '   \n\n\t\n  \r\n' });
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x42, 0x00, 0x00, 0x43, 0x0a, 0x01, 0x02]));
    writeFileSync(
      path.join(dir, 'image.png.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
    );
    const r = run(['list', '--json', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = stderrLines(r.stderr);
    for (const name of ['binary.txt', 'image.png.txt', 'empty.txt', 'blank.txt']) {
      expect(
        lines.filter((l) => l.includes(name)),
        r.stderr,
      ).toHaveLength(1);
    }
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith('meso: warning: '))).toBe(true);
    expect(shape(json<Item[]>(r)).map((i) => i.title)).toEqual([
      'Second test title about Panama',
      'First test title about Belize',
    ]);
  });

  it('skips a page over --max-page-bytes with a one-line warning and reads the others', () => {
    const dir = writePages({
      'good.txt': '1 May, 2019\n\nSmall page about Mexico\n\nShort.\n',
      'large.txt': TWO_ITEM_PAGE.repeat(3),
    });
    const r = run(['list', '--json', '--max-page-bytes', '100', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = stderrLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^meso: warning: large\.txt: .*100/);
    expect(json<Item[]>(r).map((i) => i.title)).toEqual(['Small page about Mexico']);
  });

  it.skipIf(process.getuid?.() === 0)('warns once about an unreadable file (chmod 000) and lists the good page', () => {
    const dir = writePages({ 'good.txt': TWO_ITEM_PAGE, 'locked.txt': TWO_ITEM_PAGE.replace(/Belize/g, 'Mexico') });
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const r = run(['list', '--json', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = stderrLines(r.stderr);
    expect(lines.filter((l) => l.includes('locked.txt'))).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(json<Item[]>(r)).toHaveLength(2);
  });

  it('warns once each about a folder symlink loop and a symlink leaving the folder, without hanging', () => {
    const outside = writePages({
      'secret.txt': '1 May, 2019\n\nOutside secret title about Mexico\n\nNot to be read.\n',
    });
    const dir = writePages({ 'good.txt': TWO_ITEM_PAGE });
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'loop')); // sub/loop -> the data folder itself
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'));
    symlinkSync(outside, path.join(dir, 'escape-dir'));
    const r = spawnSync(process.execPath, [BIN, 'list', '--json', '--data', dir], {
      cwd: ROOT,
      env: mesoEnv(cacheHome),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const lines = stderrLines(r.stderr);
    for (const name of ['sub/loop', 'escape.txt', 'escape-dir'])
      expect(
        lines.filter((l) => l.includes(name)),
        r.stderr,
      ).toHaveLength(1);
    expect(lines).toHaveLength(3);
    expect(r.stdout).not.toContain('Outside secret');
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});

describe('bad --data', () => {
  it('exits 2 for a --data path that does not exist, naming it and saying what to do', () => {
    const missing = path.join(makeTempDir(), 'nowhere');
    const r = run(['list', '--data', missing]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toMatch(/--data/);
    expect(r.stderr).not.toMatch(STACK);
  });

  // Regression: `--data ""` said "data path  does not exist" (an empty name between two spaces)
  it('exits 2 for an empty --data, saying what to give', () => {
    for (const args of [['--data='], ['--data', '']]) {
      const r = run(['list', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/is invalid\. Give a folder of \.txt pages or a page file, e\.g\. --data/);
    }
  });

  it('exits 2 for an empty folder, naming it and saying what to do', () => {
    const empty = makeTempDir('meso-e2e-empty-');
    const r = run(['list', '--data', empty]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(empty);
    expect(r.stderr).toMatch(/--data/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('hostile names and text', () => {
  it('escapes a file name holding a newline and ESC in its warning', () => {
    const dir = writePages({ 'good.txt': TWO_ITEM_PAGE });
    const name = 'evil\nname\x1b[31m.txt';
    writeFileSync(path.join(dir, name), STRAY_LINE_PAGE);
    const r = run(['list', '--json', '--data', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\x1b');
    const lines = stderrLines(r.stderr);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('meso: '))).toBe(true);
    expect(r.stderr).toContain('evil\\x0aname\\x1b[31m.txt:7');
  });

  const TITLE =
    'Hostile \x1b[31mred\x1b[0m \x1b[2J\x1b[H clear \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ clip \x1b]52;c;aGVsbG8=\x07 bidi \u202eevil\u202c c1 \u009b31m sep\u2028ara Belize';
  const hostileDir = () =>
    writePages({
      'h.txt': `3 March, 2019\n\n${TITLE}\n\nHostile summary \x1b[31mred\x1b[0m \u202e about Belize \u2028 more\x07 \u009b2J.\n`,
    });
  const RAW = /[\x1b\x07\u202e\u009b\u2028]/;

  it('prints no raw ESC, BEL, U+202E, U+009B or U+2028 in search lines or show', () => {
    const dir = hostileDir();
    const s = run(['search', 'hostile', '--data', dir], { env: { NO_COLOR: '1' } });
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toContain('Hostile');
    expect(s.stdout).not.toMatch(RAW);
    expect(s.stdout).toContain('\\x1b[31mred');
    const id = json<Item[]>(run(['list', '--json', '--data', dir]))[0]!.id;
    const sh = run(['show', id, '--data', dir], { env: { NO_COLOR: '1' } });
    expect(sh.status, sh.stderr).toBe(0);
    expect(sh.stdout).toContain('Hostile');
    expect(sh.stdout).not.toMatch(RAW);
    expect(sh.stderr).not.toMatch(RAW);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'prints no raw control characters in a table on a terminal (via script(1))',
    () => {
      const dir = hostileDir();
      for (const args of ['list', 'search hostile']) {
        // --no-pager: what meso itself writes, without the pager's own terminal codes
        const cmd = `${q(process.execPath)} ${q(BIN)} ${args} --data ${q(dir)} --no-pager`;
        const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
          cwd: ROOT,
          env: mesoEnv(cacheHome, { NO_COLOR: '1', COLUMNS: '100' }),
          encoding: 'utf8',
          timeout: 20_000,
        });
        expect(r.status, r.stdout).toBe(0);
        expect(r.stdout).toContain('| Date');
        expect(r.stdout).not.toMatch(RAW);
      }
    },
  );

  it('keeps the exact title (escape sequences, U+2028 included) in list --json, which JSON.parse reads', () => {
    const r = run(['list', '--json', '--data', hostileDir()]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u2028');
    expect(r.stdout).not.toContain('\x1b');
    const items = JSON.parse(r.stdout) as Item[];
    expect(items[0]!.title).toBe(TITLE);
  });
});

describe('queries with regex metacharacters', () => {
  it.each(['(', '[', '\\', '*', '.*', 'a(b', ')', '+', '?', '{', '|', '^', '$'])(
    'search %j ends within 5 s with 0, 1 or 2 and no stack trace',
    (query) => {
      const r = spawnSync(process.execPath, [BIN, 'search', query], {
        cwd: ROOT,
        env: mesoEnv(cacheHome),
        encoding: 'utf8',
        timeout: 5_000,
      });
      expect(r.error).toBeUndefined();
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('internal error');
    },
  );
});

describe('CSV', () => {
  it('neutralizes cells starting with =, +, - and @ with a single quote, with --csv-safe', () => {
    const titles = [
      '=HYPERLINK("http://x","y") about Belize',
      '+SUM(1+1) about Panama',
      '-2+3 about Mexico',
      '@cmd about Honduras',
    ];
    const page = titles.map((t, i) => `${3 + i} March, 2019\n\n${t}\n\nSummary ${i}.\n`).join('\n');
    const r = run(['export', '--format', 'csv', '--csv-safe', '--data', writePages({ 'p.txt': page })]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.title).sort()).toEqual(titles.map((t) => `'${t}`).sort());
  });
});

describe('pipes and large output', () => {
  it('exits 0 with empty stderr for list | head -1 on 3000 items', () => {
    const dir = folder3000();
    const r = spawnSync(
      'bash',
      ['-c', `${q(process.execPath)} ${q(BIN)} list --data ${q(dir)} | head -1; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, env: mesoEnv(cacheHome), encoding: 'utf8', timeout: 60_000 },
    );
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^2019-\d\d-\d\d\t[0-9a-f]{7}\tGenerated item number \d+/);
    expect(out[1]).toBe('0');
    expect(r.stderr).toBe('');
  });

  it('exits 0 with empty stderr when the reader closes after the first chunk', () => {
    const dir = folder3000();
    const reader = `${q(process.execPath)} -e ${q("process.stdin.once('data', () => process.exit(0))")}`;
    const r = spawnSync(
      'bash',
      ['-c', `${q(process.execPath)} ${q(BIN)} list --json --data ${q(dir)} | ${reader}; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, env: mesoEnv(cacheHome), encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).toBe('');
  });

  // Regression: `export --out /dev/stdout | head -1` exited 2 ("cannot write /dev/stdout: the reader closed it")
  it.skipIf(!existsSync('/dev/stdout'))(
    'exits 0 with empty stderr when --out /dev/stdout is a pipe closed early',
    () => {
      const dir = folder3000();
      const r = spawnSync(
        'bash',
        [
          '-c',
          `${q(process.execPath)} ${q(BIN)} export --out /dev/stdout --data ${q(dir)} | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        ],
        { cwd: ROOT, env: mesoEnv(cacheHome), encoding: 'utf8', timeout: 60_000 },
      );
      expect(r.stdout.trim()).toBe('0');
      expect(r.stderr).toBe('');
    },
  );

  // Regression: output into a pipe is written with fs.writeSync; a pipe made non-blocking by another program
  // answers EAGAIN once full, and the rest must still arrive, in order, through Node's stream.
  it.skipIf(process.platform === 'win32')(
    'writes all of list --json into a non-blocking pipe a slow reader drains',
    async () => {
      const dir = folder3000();
      const tmp = makeTempDir();
      const fifo = path.join(tmp, 'fifo');
      const outFile = path.join(tmp, 'out.json');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fsConstants;
      const opener = openSync(fifo, O_RDONLY | O_NONBLOCK); // so that the writer can be opened without blocking
      const writer = openSync(fifo, O_WRONLY | O_NONBLOCK);
      const reader = openSync(fifo, O_RDONLY); // a blocking reader, for cat
      const out = openSync(outFile, 'w');
      const ended = (child: ReturnType<typeof spawn>) =>
        new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const slow = spawn('sh', ['-c', 'sleep 1; exec cat'], { stdio: [reader, out, 'ignore'] });
      // handed over as descriptor 3 and moved to 1 by sh: Node's spawn makes a child's 0, 1 and 2 blocking
      const meso = spawn('sh', ['-c', 'exec "$0" "$1" list --json --data "$2" 1>&3 3>&-', process.execPath, BIN, dir], {
        cwd: ROOT,
        env: mesoEnv(cacheHome),
        stdio: ['ignore', 'ignore', 'pipe', writer],
      });
      let stderr = '';
      meso.stderr?.on('data', (d) => (stderr += d));
      for (const fd of [opener, writer, reader, out]) closeSync(fd);
      const [mesoStatus, catStatus] = await Promise.all([ended(meso), ended(slow)]);
      expect(mesoStatus, stderr).toBe(0);
      expect(catStatus).toBe(0);
      const items = JSON.parse(readFileSync(outFile, 'utf8')) as Item[];
      expect(items).toHaveLength(3000);
      expect(new Set(items.map((i) => i.id)).size).toBe(3000);
    },
    60_000,
  );

  it('does not truncate list --json on 3000 items written to a file', () => {
    const dir = folder3000();
    const outFile = path.join(makeTempDir(), 'out.json');
    const r = spawnSync(
      'bash',
      ['-c', `${q(process.execPath)} ${q(BIN)} list --json --data ${q(dir)} > ${q(outFile)}`],
      { cwd: ROOT, env: mesoEnv(cacheHome), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toHaveLength(3000);
    const direct = run(['list', '--json', '--data', dir]);
    expect(json<Item[]>(direct)).toHaveLength(3000);
  });
});

/** Starts meso, sends SIGINT after `ms`, resolves with how it ended. */
function interrupt(
  args: string[],
  ms: number,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const t0 = Date.now();
    const kill = setTimeout(() => child.kill('SIGINT'), ms);
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      clearTimeout(guard);
      resolve({ code, signal, stderr, elapsed: Date.now() - t0 });
    });
  });
}

describe('Ctrl-C', () => {
  it('ends list --json on 60000 items within 10 s of SIGINT, without a stack trace', async () => {
    const r = await interrupt(['list', '--json', '--no-cache', '--data', folder60000()], 300, mesoEnv(cacheHome));
    expect(r.signal === 'SIGINT' || r.code === 130, `code ${r.code} signal ${r.signal}`).toBe(true);
    expect(r.elapsed).toBeLessThan(10_000);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('leaves no half-written --out file and no *.tmp when export is interrupted', async () => {
    const outDir = makeTempDir('meso-e2e-out-');
    const outFile = path.join(outDir, 'items.jsonl');
    const r = await interrupt(
      ['export', '--format', 'jsonl', '--out', outFile, '--no-cache', '--data', folder60000()],
      300,
      mesoEnv(cacheHome),
    );
    expect(r.signal === 'SIGINT' || r.code === 130, `code ${r.code} signal ${r.signal}`).toBe(true);
    expect(r.elapsed).toBeLessThan(10_000);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (existsSync(outFile)) {
      const lines = readFileSync(outFile, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(60000);
      for (const l of lines) JSON.parse(l);
    }
  });
  /** One export run interrupted as soon as its temporary file shows up beside the output (shared by two tests). */
  let midWrite:
    | Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
        stderr: string;
        outDir: string;
        outFile: string;
        tmpSeen: boolean;
      }>
    | undefined;
  const interruptMidWrite = () =>
    (midWrite ??= new Promise((resolve, reject) => {
      const outDir = makeTempDir('meso-e2e-out-');
      const outFile = path.join(outDir, 'items.jsonl');
      const child = spawn(
        process.execPath,
        [BIN, 'export', '--format', 'jsonl', '--out', outFile, '--no-cache', '--data', folder60000()],
        { cwd: ROOT, env: mesoEnv(cacheHome), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      let tmpSeen = false;
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const watcher = watch(outDir, () => {
        if (tmpSeen) return;
        if (readdirSync(outDir).some((f) => f.endsWith('.tmp'))) {
          tmpSeen = true;
          child.kill('SIGINT');
        }
      });
      const guard = setTimeout(() => child.kill('SIGKILL'), 25_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(guard);
        watcher.close();
        resolve({ code, signal, stderr, outDir, outFile, tmpSeen });
      });
    }));

  it('leaves a complete --out file or none, and no *.tmp, when SIGINT comes while the file is being written', async () => {
    const r = await interruptMidWrite();
    expect(r.signal, r.stderr).not.toBe('SIGKILL');
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(r.outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (existsSync(r.outFile)) {
      const lines = readFileSync(r.outFile, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(60000);
      for (const l of lines) JSON.parse(l);
    }
  }, 30_000);

  // Regression: the SIGINT listener of writeFileAtomic used to be removed by a setImmediate before the held
  // signal was handled, so the Ctrl-C was swallowed and the run exited 0.
  it('ends with 130 after the file is in place when SIGINT comes during the atomic write', async () => {
    const r = await interruptMidWrite();
    expect(r.tmpSeen).toBe(true);
    expect(r.code === 130 || r.signal === 'SIGINT', `code ${r.code} signal ${r.signal}; stderr ${r.stderr}`).toBe(true);
    const lines = readFileSync(r.outFile, 'utf8').split('\n');
    expect(lines).toHaveLength(60001);
  }, 30_000);
});

describe('a damaged cached index', () => {
  // Regression: a cache whose header and checksum were right but whose index was not JSON made search fail
  // with an internal error; the index is parsed only when a search needs it, so that is where it is rebuilt.
  it('is rebuilt when a search needs it, with the same hits and a note under --verbose', () => {
    const { run: runC, cacheHome: home } = createRunner();
    const dir = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const before = runC(['search', 'belize', '--json', '--data', dir]);
    expect(before.status).toBe(0);
    const cacheDir = path.join(home, 'meso');
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.cache'))!);
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as Record<string, unknown> & {
      items: number;
      meta: number;
    };
    // the items as they were, then an index head that is not JSON, with lengths and checksum (of the items'
    // first line and the head) to match
    const items = bytes.subarray(nl + 1, nl + 1 + header.items);
    const head = Buffer.from('{not an index\n');
    Object.assign(header, { items: items.length, head: head.length, postings: 0 });
    header.crc32 = crc32(Buffer.concat([items.subarray(0, header.meta), head]));
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), items, head]));
    const r = runC(['search', 'belize', '--json', '--verbose', '--data', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(before.stdout);
    expect(r.stderr).toMatch(/cached index does not load/);
  });
});

describe('the cache', () => {
  // Regression: a cache folder under /proc hung meso for ever (Node 20's recursive mkdirSync loops on ENOENT there)
  it.skipIf(!existsSync('/proc/self'))('goes on without a cache folder it cannot make, and does not hang', () => {
    const expected = run(['list', '--json', '--no-cache']).stdout;
    for (const env of [{ MESO_CACHE_DIR: '/proc/meso-x' }, { XDG_CACHE_HOME: '/proc' }]) {
      const r = spawnSync(process.execPath, [BIN, 'list', '--json'], {
        cwd: ROOT,
        env: mesoEnv(cacheHome, env),
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(r.error, JSON.stringify(env)).toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
    }
  });

  it('notices one changed byte in the items or in the postings a search reads, and answers as before', () => {
    // Regression for cache format 7: the items and the index head are checked whole (CRC-32), the postings term
    // by term as a search reads them (the length of the file alone would let a changed digit through)
    const { run: runC, cacheHome: home } = createRunner();
    const dir = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const before = runC(['search', 'belize', '--json', '--data', dir]);
    expect(before.status, before.stderr).toBe(0);
    const cacheDir = path.join(home, 'meso');
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.cache'))!);
    const good = readFileSync(file);
    const nl = good.indexOf(10);
    const header = JSON.parse(good.toString('utf8', 0, nl)) as { items: number; head: number };
    const headAt = nl + 1 + header.items;
    const head = readBlock(good, headAt, headAt + header.head);
    const t = (head.value as { terms: string[] }).terms.indexOf('belize');
    // where each term's postings end (after the index's head)
    const postingsAt = headAt + header.head + (t ? head.arrays.ends![t - 1]! : 0);
    /** The cache with the first digit at or after `at` changed to another digit. */
    const changed = (at: number) => {
      const bytes = Buffer.from(good);
      let i = at;
      while (bytes[i]! < 48 || bytes[i]! > 57) i++;
      bytes[i] = bytes[i] === 48 ? 49 : 48;
      return bytes;
    };
    /** The cache with one bit of the byte at `at` changed (the postings are binary words: see writePostings). */
    const flipped = (at: number) => {
      const bytes = Buffer.from(good);
      bytes[at] = bytes[at]! ^ 1;
      return bytes;
    };

    writeFileSync(file, flipped(postingsAt));
    const p = runC(['search', 'belize', '--json', '--verbose', '--data', dir]);
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout).toBe(before.stdout);
    expect(p.stderr).toMatch(/cached index does not load.*damaged/);

    writeFileSync(file, changed(nl + 1 + good.indexOf('"line"', nl) - nl - 1));
    const i = runC(['search', 'belize', '--json', '--verbose', '--data', dir]);
    expect(i.status, i.stderr).toBe(0);
    expect(i.stdout).toBe(before.stdout);
    expect(i.stderr).toMatch(/cache fails its checksum/);
  });

  it('gives back text beyond ASCII exactly (accents, quotes, emoji, CJK, U+2028), as read without a cache', () => {
    // the cache writes its items as ASCII JSON (\u escapes) and reads them byte for byte
    const page =
      '4 December, 2017\n\nPetén “Niños” 😀 移民 \u2028 end\n\nMigrants in Petén — “quoted” ¿sí? 𝒜 \u00a0\u2029.\n';
    const dir = writePages({ 'p.txt': page });
    const fresh = run(['list', '--json', '--no-cache', '--data', dir]);
    const first = run(['list', '--json', '--verbose', '--data', dir]);
    const warm = run(['list', '--json', '--verbose', '--data', dir]);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(warm.stderr).toMatch(/read the cache/);
    expect(first.stdout).toBe(fresh.stdout);
    expect(warm.stdout).toBe(fresh.stdout);
    expect(JSON.parse(warm.stdout)[0].title).toContain('😀 移民');
  });

  it('gives identical output to two meso processes started together on a fresh cache, leaving no .tmp', async () => {
    const home = makeTempDir('meso-e2e-cache-race-');
    const dir = folder3000();
    const once = () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'list', '--json', '--data', dir], {
          cwd: ROOT,
          env: mesoEnv(home),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const [a, b] = await Promise.all([once(), once()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toHaveLength(3000);
    const files = readdirSync(path.join(home, 'meso'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.cache'))).toHaveLength(1);
  });

  it('rebuilds a cache overwritten with garbage, then a truncated one, with the same output and says so with --verbose', () => {
    const { run: runC, cacheHome: home } = createRunner();
    const dir = writePages({ 'p.txt': TWO_ITEM_PAGE });
    const first = runC(['list', '--json', '--data', dir]);
    expect(first.status, first.stderr).toBe(0);
    const cacheDir = path.join(home, 'meso');
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.cache'))!);
    const good = readFileSync(file);

    writeFileSync(file, 'garbage \x00\xff not a cache\n');
    const g = runC(['list', '--json', '--verbose', '--data', dir]);
    expect(g.status, g.stderr).toBe(0);
    expect(g.stdout).toBe(first.stdout);
    expect(g.stderr).toMatch(/cache.*(rebuild|damaged)/i);

    writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)));
    const t = runC(['list', '--json', '--verbose', '--data', dir]);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toBe(first.stdout);
    expect(t.stderr).toMatch(/cache.*(rebuild|damaged|truncated)/i);

    // and the rebuilt cache is used again
    const again = runC(['list', '--json', '--verbose', '--data', dir]);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toMatch(/read the cache/);
  });
});

describe('smaller things, each a clear message or the right result', () => {
  it('timeline --split country --normalize shows shares, not counts (regression: --normalize was ignored)', () => {
    const counts = run(['timeline', '--split', 'country', '--by', 'year', '--format', 'table']);
    const shares = run(['timeline', '--split', 'country', '--by', 'year', '--normalize', '--format', 'table']);
    expect(shares.status, shares.stderr).toBe(0);
    expect(shares.stdout).not.toBe(counts.stdout);
    const rows = shares.stdout.split('\n').filter((l) => /^\d{4}\s/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    // every cell is a share or an empty mark; the "all" column is the whole period, 100%
    for (const row of rows) {
      const cells = row.trim().split(/\s+/).slice(1);
      expect(
        cells.every((c) => /^(\d+(\.\d)?%|\.|–)$/.test(c)),
        row,
      ).toBe(true);
      expect(cells[cells.length - 1]).toBe('100%');
    }
    // the shares are those of the JSON, per series and period
    const j = json<{
      series: Array<{ value: string; buckets: Array<{ period: string; share: number; count: number }> }>;
    }>(run(['timeline', '--split', 'country', '--by', 'year', '--json']));
    const mexico = j.series.find((s) => s.value === 'Mexico')!.buckets.find((b) => b.count > 0)!;
    const header = shares.stdout.split('\n').find((l) => l.includes('Mexico'))!;
    const col = header.trim().split(/\s+/).indexOf('Mexico');
    const row = rows.find((r) => r.startsWith(mexico.period))!;
    expect(row.trim().split(/\s+/)[col + 1]).toBe(`${(mexico.share * 100).toFixed(mexico.share < 0.1 ? 1 : 0)}%`);
  });

  it.each([
    [['--country', ''], /--country needs a value/],
    [['--topic', ''], /--topic needs a value/],
    [['--country', 'Mexico,,Belize'], /empty name between commas/],
  ])('exits 2 for list %j instead of ignoring it', (args, message) => {
    const r = run(['list', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('takes a country name that holds a comma', () => {
    const dir = writePages({ 'p.txt': TWO_ITEM_PAGE.replace('in Belize', 'in Taiwan') });
    const r = run(['--data', dir, 'list', '--json', '--country', 'Taiwan, Province of China']);
    expect(r.status, r.stderr).toBe(0);
    expect(json<Item[]>(r).map((i) => i.title)).toEqual(['First test title about Belize']);
  });

  it('keeps zero-width joiners in JSON titles (regression: they were removed)', () => {
    const title = 'Nurses \u{1F469}\u200D\u2695\uFE0F and families \u{1F468}\u200D\u{1F469}\u200D\u{1F467} in Belize';
    const dir = writePages({ 'p.txt': TWO_ITEM_PAGE.replace('First test title about Belize', title) });
    const r = run(['--data', dir, 'list', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(json<Item[]>(r).map((i) => i.title)).toContain(title);
  });
});
