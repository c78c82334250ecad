import { helpTopic } from './helpTopic.js';

/**
 * Help as commander prints it when standard output is not a terminal (it then wraps at 80 columns, whatever the
 * colour settings), per topic (see helpTopic): printed by the build from the same program (helpTexts in cli.ts).
 * A terminal, whose width changes the wrapping, gets commander itself; so does a missing or damaged file.
 */
async function builtHelp(topic: string): Promise<string | undefined> {
  // node:fs is imported here, not at the top: --version needs nothing but this file
  const fs = await import('node:fs');
  if (stdoutIsTerminal(fs)) return undefined;
  try {
    const texts = JSON.parse(fs.readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const text = Object.hasOwn(texts, topic) ? texts[topic] : undefined;
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Whether standard output is a terminal, without making the process.stdout stream unless it may be one. */
function stdoutIsTerminal({ fstatSync }: typeof import('node:fs')): boolean {
  try {
    return fstatSync(1).isCharacterDevice() && Boolean(process.stdout.isTTY);
  } catch {
    return true; // no standard output to look at: let runProcess deal with it
  }
}

/** Writes all of `text` to standard output; a closed reader ends the run quietly, another failure with status 2. */
async function writeOut(text: string): Promise<void> {
  const { writeSync } = await import('node:fs');
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return;
      const { cannotWriteOutput } = await import('./io/writeStdout.js');
      process.stderr.write(`meso: error: ${cannotWriteOutput(e)}\n`);
      process.exitCode = 2;
      return;
    }
  }
}

// The entry of dist/meso.js, which bin/meso.js imports. It loads the rest of meso only when a command needs
// it: `meso --version` prints a constant, and help into a pipe or a file is printed as the build wrote it,
// both before commander and the commands are loaded.
const args = process.argv.slice(2);
const topic = helpTopic(args);
const help = topic !== undefined ? await builtHelp(topic) : undefined;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) process.stdout.write(`${__MESO_VERSION__}\n`);
else if (help !== undefined) await writeOut(help);
else {
  const { runProcess } = await import('./runProcess.js');
  await runProcess(process.argv);
}
// the phase timings (MESO_TIMINGS=1), loaded only then: --version and help need nothing else
if (process.env.MESO_TIMINGS) process.stderr.write((await import('./timings.js')).timingsLine());
