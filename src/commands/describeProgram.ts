import type { Command, Option } from 'commander';
import type { CommandSpec, OptionSpec, ProgramSpec } from '../render/programSpec.js';

const describeOption = (o: Option): OptionSpec => ({
  flags: o.flags,
  long: o.long,
  short: o.short,
  description: o.description,
  takesValue: o.required || o.optional,
  valueName: /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1],
  choices: o.argChoices,
});

/** What help prints after the options: the text added with addHelpText('after'), captured from outputHelp. */
function afterText(cmd: Command): string {
  let full = '';
  const restore = cmd.configureOutput();
  cmd.configureOutput({ ...restore, writeOut: (s) => void (full += s) });
  cmd.outputHelp();
  cmd.configureOutput(restore);
  return full.slice(cmd.helpInformation().length).replace(/^\n+/, '').trimEnd();
}

/**
 * The commander program as data: its global flags, and each command's usage, description, flags (hidden ones
 * left out) and help text. The man page and the completion scripts are built from this, so they list exactly
 * the flags `--help` shows.
 */
export function describeProgram(program: Command, version: string): ProgramSpec {
  const visible = (c: Command) => c.options.filter((o) => !o.hidden).map(describeOption);
  const commands: CommandSpec[] = program.commands.map((c) => ({
    name: c.name(),
    usage: c.usage(),
    description: c.description(),
    options: visible(c),
    after: afterText(c),
  }));
  return {
    name: program.name(),
    version,
    description: program.description(),
    options: visible(program),
    commands,
    after: afterText(program),
  };
}
