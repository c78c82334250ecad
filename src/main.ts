import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandWord, helpTopic } from './helpTopic.js';
import { requireWithCodeCache, type CodeCacheFile } from './io/codeCache.js';
import { cannotWriteOutput, isTerminal } from './io/writeStdout.js';
import { codeDir, defaultCacheDir } from './paths.js';
import { timingsLine } from './timings.js';

/**
 * Help as commander prints it when standard output is not a terminal (it then wraps at 80 columns, whatever the
 * colour settings), per topic (see helpTopic): printed by the build from the same program (helpTexts in cli.ts).
 * A terminal, whose width changes the wrapping, gets commander itself; so does a missing or damaged file.
 */
function builtHelp(topic: string): string | undefined {
  if (stdoutIsTerminal()) return undefined;
  try {
    const texts = JSON.parse(readFileSync(join(codeDir(), 'help.json'), 'utf8')) as Record<string, unknown>;
    const text = Object.hasOwn(texts, topic) ? texts[topic] : undefined;
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether standard output is a terminal, without making the process.stdout stream unless it may be one (see
 * isTerminal: `/dev/null`, a character device, is told by its device number; its stream would load the stream
 * modules, 1.5 ms of `meso --help > /dev/null`).
 */
function stdoutIsTerminal(): boolean {
  try {
    fstatSync(1);
  } catch {
    return true; // no standard output to look at: let runProcess deal with it
  }
  return isTerminal(1);
}

/** Writes all of `text` to standard output; a closed reader ends the run quietly, another failure with status 2. */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return;
      process.exitCode = 2;
      try {
        writeSync(2, `meso: error: ${cannotWriteOutput(e)}\n`);
      } catch {
        // standard error fails too: the status says it
      }
      return;
    }
  }
}

/**
 * Where the compiled code of a bundle (dist/run.cjs, dist/help.cjs) is kept between runs: in meso's cache folder
 * (MESO_CACHE_DIR, else the user's), one file per bundle, build of meso, Node, and command (see commandWord);
 * none with MESO_NO_CACHE.
 */
function codeCacheFile(name: string, id: string, command: string, env: NodeJS.ProcessEnv): CodeCacheFile | undefined {
  if (env.MESO_NO_CACHE !== undefined) return undefined;
  const dir = env.MESO_CACHE_DIR?.trim() ? env.MESO_CACHE_DIR : defaultCacheDir(env);
  const tag = `${process.version}-${process.arch}`;
  const family = `${name}-${id.slice(0, 16)}-${tag}-`;
  return {
    file: join(resolve(dir), `${family}${command}.v8c`),
    key: `${id} ${tag} ${process.versions.v8}`,
    family,
  };
}

/**
 * The entry of dist/meso.cjs, which bin/meso.js requires. It loads the rest of meso only when a command needs
 * it: `meso --version` prints a constant, and help into a pipe or a file is printed as the build wrote it, both
 * without it. Help on a terminal loads dist/help.cjs (commander and the commands' definitions); anything else
 * dist/run.cjs. Each is compiled with V8's code cache (see requireWithCodeCache), one per command, which a run
 * writes at its end when there was none and the run went well without building a corpus, so that the next run
 * reads its compiled code instead of compiling.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const topic = helpTopic(args);
  const help = topic !== undefined ? builtHelp(topic) : undefined;
  let timings = timingsLine; // the phases of a run without dist/run.cjs: none but the total
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) writeOut(`${__MESO_VERSION__}\n`);
  else if (help !== undefined) writeOut(help);
  else {
    const [name, id] = topic !== undefined ? ['help', __MESO_HELP_ID__] : ['run', __MESO_RUN_ID__];
    const command = commandWord(args, __MESO_VALUE_FLAGS__);
    // the bundle is required with this file's own `require`: it sits beside it, in dist/
    const run = requireWithCodeCache<typeof import('./runProcess.js') & Partial<typeof import('./timings.js')>>(
      join(codeDir(), `${name}.cjs`),
      codeCacheFile(name, id, command, process.env),
      require,
    );
    timings = run.exports.timingsLine ?? timings;
    await run.exports.runProcess(process.argv);
    // compiled code is kept from a run that went well, and that read its corpus from the cache unless its command
    // line always builds one (`-built`): a run that built one compiled the parser, which runs reading the cache
    // never call (and code read from a cache is all written back: it would stay); a failed run compiled little of
    // what its command does
    if ((process.exitCode ?? 0) === 0 && (command.endsWith('-built') || !run.exports.corpusBuilt?.())) run.save();
  }
  // the phase timings (MESO_TIMINGS=1)
  // (written straight to the descriptor: a stderr stream into a pipe would load net, and be timed as meso's)
  if (process.env.MESO_TIMINGS) writeSync(2, timings());
}

// Ends the process as soon as the run is done and its output is out (runProcess waits for its streams; all else is
// written synchronously): process.exit skips the teardown of Node's heap that a process ending by itself goes
// through (about 7 ms of a search on the bundled pages). The status is process.exitCode.
void main().then(() => process.exit());
