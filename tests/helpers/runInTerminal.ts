import { spawnSync } from 'node:child_process';
import { BIN, ROOT, makeTempDir, mesoEnv, type MesoResult } from './runMeso.js';

/** Whether util-linux `script` is here to give meso a pseudo-terminal (Linux; not macOS's BSD script). */
export const hasScript =
  process.platform === 'linux' && spawnSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * Runs the built meso under a pseudo-terminal (`script -qec`), so its stdout and stderr are terminals, as when a
 * person runs it. What the terminal showed (stdout and stderr together, CRLF line ends made LF) is in `stdout`.
 * `shell` is appended to the command line (e.g. `2>/dev/null`, `| cat`).
 */
export function runInTerminal(
  args: string[],
  opts: { env?: Record<string, string | undefined>; shell?: string } = {},
): MesoResult {
  const cacheHome = makeTempDir('meso-pty-cache-');
  const line = [process.execPath, BIN, ...args].map(quote).join(' ') + (opts.shell ? ` ${opts.shell}` : '');
  const r = spawnSync('script', ['-qec', line, '/dev/null'], {
    cwd: ROOT,
    env: mesoEnv(cacheHome, { COLUMNS: '100', LINES: '40', ...opts.env }),
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr };
}
