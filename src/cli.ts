import { Command, CommanderError } from 'commander';
import { NoResultsError, ReaderClosedError, UsageError } from './errors.js';
import { DataError } from './enrich/tables.js';
import type { Runtime } from './runtime.js';
import { makeListCommand } from './commands/makeListCommand.js';
import { makeSearchCommand } from './commands/makeSearchCommand.js';
import { makeShowCommand } from './commands/makeShowCommand.js';
import { makeStatsCommand } from './commands/makeStatsCommand.js';
import { makeFacetCommand } from './commands/makeFacetCommand.js';
import { makeTimelineCommand } from './commands/makeTimelineCommand.js';
import { makeParseCommand } from './commands/makeParseCommand.js';
import { makeExportCommand } from './commands/makeExportCommand.js';
import { makeSimilarCommand } from './commands/makeSimilarCommand.js';
import { makeCompletionCommand } from './commands/makeCompletionCommand.js';
import { escapeForTerminal } from './text/escapeForTerminal.js';
import { addOptions, OPTIONS, READ_OPTIONS } from './options.js';
import { describeProgram } from './commands/describeProgram.js';
import { commandOf } from './helpTopic.js';
import { renderManPage } from './render/renderManPage.js';
import { markExclusions } from './commands/queryWords.js';

const EXAMPLES = `
Examples:
  meso search trafficking                     best matches first, as a table
  meso search '"voluntary return"' -c Mexico  a phrase, in items about Mexico
  meso list --topic smuggling --since 2018 --json | jq -r '.[].title'
  meso timeline --country "Costa Rica"        coverage over time, a bar chart
  meso show 46b7b7f                           one item in full (id or prefix)
  meso export --format csv --out items.csv    every item, for a spreadsheet
  meso --data ~/pages list                    your own folder of .txt pages
  source <(meso completion bash)              completion for bash

Exit status: 0 found something, 1 found nothing, 2 usage or other error.
Data:     the bundled pages, or --data PATH / MESO_DATA.
Colour:   only on a terminal; NO_COLOR, --no-color, FORCE_COLOR.
Pager:    long output on a terminal goes through MESO_PAGER, else PAGER,
          else less -FRX; --no-pager.
Manual:   man meso.`;

/** Commands whose output is never paged: a script to source, and help (short, and a pager would hide the prompt). */
const UNPAGED = new Set(['completion', 'help']);

/** The commands, by name, each made on its own: see {@link commandNamed}. */
const COMMANDS: Record<string, (rt: Runtime) => Command> = {
  search: makeSearchCommand,
  list: makeListCommand,
  show: makeShowCommand,
  similar: makeSimilarCommand,
  timeline: makeTimelineCommand,
  countries: (rt) => makeFacetCommand(rt, 'countries'),
  topics: (rt) => makeFacetCommand(rt, 'topics'),
  stats: makeStatsCommand,
  parse: makeParseCommand,
  export: makeExportCommand,
  completion: makeCompletionCommand,
};

/** Commands that read the whole program: completion writes every command's flags, help names the others. */
const NEEDS_ALL = new Set(['completion', 'help']);

/**
 * The flags that may come before a command and take a value (`--data`, `--cache-dir`…): the word after one is its
 * value, not the command. The build hands them to the entry (see commandWord).
 */
export const valueFlags = (): string[] =>
  READ_OPTIONS.flatMap((name) => {
    const flags = OPTIONS[name].flags;
    return flags.includes('<') ? (flags.match(/-{1,2}[\w-]+/g) ?? []) : [];
  });

/**
 * The command a command line runs, when it names one that needs no other (see {@link NEEDS_ALL}): the first word
 * that is not a flag nor a flag's value (`meso --data ~/pages list`). Undefined otherwise (no command, an unknown
 * one, `--`), for which the whole program is made, so that commander answers as it always does.
 */
export function commandNamed(args: readonly string[]): string | undefined {
  // (the build writes the flags into its bundles: worked out here, they are a regular expression run per option)
  const word = commandOf(args, typeof __MESO_VALUE_FLAGS__ === 'undefined' ? valueFlags() : __MESO_VALUE_FLAGS__);
  return word !== undefined && Object.hasOwn(COMMANDS, word) && !NEEDS_ALL.has(word) ? word : undefined;
}

/**
 * Builds the commander program; pure wiring. With `only` (see {@link commandNamed}), the program has that command
 * alone: a run makes (and V8 compiles) the definitions of the command it runs, not of all eleven.
 */
export function createProgram(rt: Runtime, only?: string): Command {
  // where commander writes, and the width it wraps help to: the runtime's (commander would ask process.stdout),
  // so that help is the same text for the same runtime, which lets the build print it in advance (see main.ts)
  const output = {
    writeOut: (s: string) => rt.out(s),
    writeErr: (s: string) => rt.err(s),
    outputError: (s: string, write: (s: string) => void) => write(s.startsWith('error:') ? `meso: ${s}` : s),
    // undefined (not a terminal) is commander's own answer too, which its types leave out: it then wraps at 80
    getOutHelpWidth: () => (rt.isTTY ? rt.columns : undefined) as number,
  };
  const program = new Command('meso')
    .description('Query the IOM Mesoamerica migration news: search, list, timelines and exports')
    .version(__MESO_VERSION__, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput(output)
    .addHelpText('after', EXAMPLES)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  // flags about where pages come from and how meso talks, taken before or after the command name
  addOptions(program, READ_OPTIONS);
  for (const name of only !== undefined ? [only] : Object.keys(COMMANDS)) {
    const cmd = COMMANDS[name]!(rt);
    cmd.exitOverride().configureOutput(output);
    cmd.showSuggestionAfterError(true).configureHelp({ showGlobalOptions: true });
    program.addCommand(cmd);
  }
  if (only !== undefined) return program;
  program.helpCommand(false).addCommand(makeHelpCommand(program));
  return program;
}

/** `meso help [command]`: commander's own says nothing and exits 0 for a command that does not exist. */
function makeHelpCommand(program: Command): Command {
  return new Command('help')
    .description('display help for a command')
    .argument('[command]', 'the command to explain')
    .action(async (name?: string) => {
      if (!name) return program.outputHelp();
      const sub = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (sub) return sub.outputHelp();
      const { suggest } = await import('./query/suggest.js');
      const near = suggest(
        name,
        program.commands.map((c) => c.name()),
      );
      throw new UsageError(
        `unknown command "${name}"${near ? ` — did you mean "${near}"?` : ''}: meso help lists the commands`,
      );
    });
}

/** The man page, meso.1, from the same program (flags, help texts) as --help; written by the build. */
export function manPage(): string {
  const silent: Runtime = { out: () => {}, err: () => {}, env: {}, isTTY: false };
  return renderManPage(describeProgram(createProgram(silent), __MESO_VERSION__));
}

/**
 * Runs meso with the given arguments: the one catch that maps errors to stderr and an exit status
 * (0 found, 1 nothing found, 2 usage or other error). Returns the status; never calls process.exit.
 */
export async function runCli(argv: string[], runtime: Runtime): Promise<number> {
  // on a terminal, a command's output is held and shown through the pager once the command is done; what goes
  // to stderr once output has begun (the --limit note) waits too, so it follows the output as it would unpaged
  let held: string[] | null = null;
  const heldErr: string[] = [];
  const rt: Runtime = {
    ...runtime,
    argv,
    out: (s) => (held ? held.push(s) : runtime.out(s)),
    err: (s) => (held?.length ? heldErr.push(s) : runtime.err(s)),
  };
  const only = commandNamed(argv.slice(2));
  const program = createProgram(rt, only);
  program.hook('preAction', (_program, action) => {
    if (runtime.isTTY && action.optsWithGlobals().pager !== false && !UNPAGED.has(action.name())) held = [];
  });
  const flush = async () => {
    if (!held) return;
    const text = held.join('');
    held = null;
    // the pager is loaded only when there is output to page (a terminal): a pipe never loads child_process
    if (text && !(await (await import('./io/pageOutput.js')).pageOutput(text, runtime.env))) runtime.out(text);
    for (const s of heldErr.splice(0)) runtime.err(s);
  };
  const debug = argv.includes('--debug');
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(only === 'search' || only === 'timeline' ? markExclusions(argv, program) : argv);
    await flush();
    return 0;
  } catch (e) {
    await flush();
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      return 2; // commander has printed the message
    }
    if (e instanceof ReaderClosedError) return 0; // `--out /dev/stdout | head`: nothing left to say
    if (e instanceof NoResultsError) {
      rt.err(`meso: ${escapeForTerminal(e.message)}\n`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof DataError) {
      rt.err(`meso: error: ${escapeForTerminal(e.message)}\n`);
      return 2;
    }
    const err = e as Error;
    rt.err(
      debug
        ? `meso: internal error: ${err?.stack ?? String(e)}\n`
        : `meso: internal error: ${escapeForTerminal(String(err?.message ?? e))} (run with --debug for the stack)\n`,
    );
    return 2;
  }
}
