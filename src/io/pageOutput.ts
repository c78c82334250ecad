import { spawn } from 'node:child_process';

/** How to start the pager: a command and its arguments, through the shell when the user wrote it. */
export interface PagerCommand {
  command: string;
  args: string[];
  shell: boolean;
}

/**
 * The pager, as git and gh choose it: `$MESO_PAGER`, else `$PAGER`, else `less -FRX` (quit when the text fits on
 * one screen, keep colours, leave the text on the screen), but none on a dumb terminal. A pager set to nothing or
 * to `cat` means no pager.
 */
export function pagerCommand(env: NodeJS.ProcessEnv): PagerCommand | null {
  const chosen = env.MESO_PAGER ?? env.PAGER;
  // less on a dumb terminal (TERM=dumb: Emacs's shell) warns and waits for a key: no pager unless one is chosen
  if (chosen === undefined) return env.TERM === 'dumb' ? null : { command: 'less', args: ['-FRX'], shell: false };
  const command = chosen.trim();
  if (command === '' || command === 'cat') return null;
  return { command, args: [], shell: true };
}

/**
 * The pager's environment: as git does, `LESS=FRX` and `LV=-c` unless the user set them, so that a pager set to
 * plain `less` (`PAGER=less`, the usual setting) shows colours instead of their escape codes, and `lv` too.
 */
export function pagerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' };
}

/** Exit statuses of a shell that could not find the command: sh's 127, cmd.exe's 9009. */
const NOT_FOUND = new Set([127, 9009]);

/**
 * Shows text through the pager, the pager's own output going straight to the terminal, and waits until the
 * user quits it. Resolves false when no pager could be started (none set, not installed, as on a bare
 * Windows): the caller then prints the text itself. Ctrl-C belongs to the pager while it runs (as in git).
 */
export function pageOutput(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const pager = pagerCommand(env);
  if (!pager) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ignoreInterrupt = () => {};
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(pager.command, pager.args, {
        stdio: ['pipe', 'inherit', 'inherit'],
        shell: pager.shell,
        env: pagerEnv(env),
      });
    } catch {
      resolve(false);
      return;
    }
    process.on('SIGINT', ignoreInterrupt);
    const done = (shown: boolean) => {
      process.off('SIGINT', ignoreInterrupt);
      resolve(shown);
    };
    child.on('error', () => done(false)); // not installed (ENOENT): print directly
    child.on('close', (code) => done(!(pager.shell && code !== null && NOT_FOUND.has(code))));
    child.stdin!.on('error', () => {}); // the user quit before reading it all (EPIPE): nothing left to do
    child.stdin!.end(text);
  });
}
