/** A flag as help, completion and the man page show it: read from the commander program (describeProgram). */
export interface OptionSpec {
  /** as written in help: `-c, --country <name>` */
  flags: string;
  long?: string;
  short?: string;
  description: string;
  /** whether it takes a value (`<name>`) */
  takesValue: boolean;
  /** the value's name, as in `<name>` */
  valueName?: string;
  /** the values it accepts, when it names them */
  choices?: string[];
}

/** A subcommand: what `meso <name> --help` shows. */
export interface CommandSpec {
  name: string;
  /** `[options] <query...>` */
  usage: string;
  description: string;
  options: OptionSpec[];
  /** the text help prints after the options (examples, notes) */
  after: string;
}

/** The whole program, for the man page and the shell completion scripts. */
export interface ProgramSpec {
  name: string;
  version: string;
  description: string;
  /** the global flags, taken before or after the command name */
  options: OptionSpec[];
  commands: CommandSpec[];
  /** the text `meso --help` prints after the commands */
  after: string;
}

/** The values completion offers for flag values: countries, topics, and each command's fields. */
export interface CompletionValues {
  countries: string[];
  topics: string[];
  /** command name → the fields its --fields takes; `*` for a command not named (one that prints items) */
  fields: Record<string, readonly string[]>;
}
