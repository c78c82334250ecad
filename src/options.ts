import { Option, InvalidArgumentError, type Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--data`: each path, repeatable; an empty one (`--data "$DIR"` with DIR unset) is a mistake, not the current folder. */
const collectPath = (value: string, previous: string[] = []) => {
  if (value === '') throw new InvalidArgumentError('Give a folder of .txt pages or a page file, e.g. --data ~/pages');
  return [...previous, value];
};

/** `--limit`: a whole number; 0 or `all` means no limit (Infinity). */
export function parseLimit(value: string): number {
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === '0' || v === 'none') return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Use a whole number, or 0 or all for no limit, e.g. --limit 10');
  return Number(v);
}

/** A positive whole number, or a usage error that shows the fix. */
export function parsePositiveInt(flag: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
      throw new InvalidArgumentError(`Use a whole number of 1 or more, e.g. ${flag} 10`);
    return Number(value);
  };
}

/** A file name to write, which cannot be empty (`--out "$FILE"` with FILE unset would otherwise mean stdout). */
export function parseFileName(example: string) {
  return (value: string) => {
    if (!value.trim()) throw new InvalidArgumentError(`Give a file name, e.g. ${example}`);
    return value;
  };
}

/** One entry of the shared flag table: how it is written, what it does, and how its value is read. */
interface OptionDef {
  flags: string;
  description: string;
  parse?: (value: string, previous: never) => unknown;
  default?: unknown;
  choices?: string[];
  env?: string;
  hidden?: boolean;
}

/**
 * The shared flags, defined once: each command registers the ones it takes with {@link addOptions}, and the
 * help text comes from these entries.
 */
export const OPTIONS = {
  data: {
    flags: '--data <path>',
    description:
      'folder of .txt pages or a page file (repeat for more); "-" reads one page from standard input [env: MESO_DATA; default: the bundled pages]',
    parse: collectPath,
  },
  json: { flags: '--json', description: 'print one JSON array (or object); [] when nothing matches' },
  jsonl: { flags: '--jsonl', description: 'print JSON Lines: one object per line (same as --format jsonl)' },
  csv: { flags: '--csv', description: 'print CSV with a header row, RFC 4180 (same as --format csv)' },
  format: {
    flags: '--format <format>',
    description:
      'table, tsv (with a header row), csv, json or jsonl [default: a table on a terminal, tab-separated lines in a pipe]',
    choices: ['table', 'tsv', 'csv', 'json', 'jsonl'],
  },
  fields: {
    flags: '--fields <list>',
    description: 'comma-separated fields to print, in that order, in any format (see the JSON fields in the README)',
  },
  csvSafe: {
    flags: '--csv-safe',
    description:
      "CSV for spreadsheets: a cell starting with = + - @ (or ＝＋－＠), tab or CR gets a leading ' so it is never run as a formula",
  },
  pager: {
    flags: '--no-pager',
    description: 'never page long output on a terminal [env: MESO_PAGER or PAGER picks the pager; default: less -FRX]',
  },
  country: {
    flags: '-c, --country <name>',
    description:
      'only items about this country: English or Spanish name or ISO code; repeat or comma-separate for any of them',
    parse: collect,
  },
  topic: {
    flags: '-t, --topic <id>',
    description: 'only items on this topic (see meso topics); repeat or comma-separate for any of them',
    parse: collect,
  },
  since: { flags: '--since <date>', description: 'only items dated on or after YYYY, YYYY-MM or YYYY-MM-DD' },
  until: { flags: '--until <date>', description: 'only items dated on or before YYYY, YYYY-MM or YYYY-MM-DD' },
  year: { flags: '--year <yyyy>', description: 'only items dated in this year' },
  limit: {
    flags: '-n, --limit <n>',
    description: 'print at most n results; 0 or all: no limit (a line on stderr says when results were cut)',
    parse: parseLimit,
  },
  color: {
    flags: '--no-color',
    description: 'no colour, even on a terminal (also NO_COLOR=1; FORCE_COLOR=1 forces it)',
  },
  quiet: {
    flags: '-q, --quiet',
    description: 'no warnings about pages, no progress line and no note about a cut list on stderr',
  },
  verbose: { flags: '--verbose', description: 'say what meso does (cache use, timings) on stderr' },
  debug: { flags: '--debug', description: 'show the stack of an internal error' },
  cacheDir: {
    flags: '--cache-dir <dir>',
    description: 'where to keep the index cache [env: MESO_CACHE_DIR; default: $XDG_CACHE_HOME/meso]',
  },
  cache: { flags: '--no-cache', description: 'neither read nor write the index cache' },
  maxPageBytes: {
    flags: '--max-page-bytes <n>',
    description: 'skip page files larger than n bytes (default 50 MB)',
    parse: parsePositiveInt('--max-page-bytes'),
  },
} satisfies Record<string, OptionDef>;

export type OptionName = keyof typeof OPTIONS;

/** The flags every command that reads pages takes. */
export const READ_OPTIONS: OptionName[] = [
  'data',
  'quiet',
  'verbose',
  'debug',
  'cacheDir',
  'cache',
  'maxPageBytes',
  'color',
  'pager',
];
/** The item filters. */
export const FILTER_OPTIONS: OptionName[] = ['country', 'topic', 'since', 'until', 'year'];
/** The machine-readable formats. */
export const FORMAT_OPTIONS: OptionName[] = ['json', 'jsonl', 'csv', 'format', 'fields', 'csvSafe'];

/** Registers shared flags on a command, in the order given. */
export function addOptions(cmd: Command, names: OptionName[]): Command {
  for (const name of names) {
    const def: OptionDef = OPTIONS[name];
    const opt = new Option(def.flags, def.description);
    if (def.parse) opt.argParser(def.parse as (value: string, previous: unknown) => unknown);
    if (def.choices) opt.choices(def.choices);
    if (def.hidden) opt.hideHelp();
    cmd.addOption(opt);
  }
  return cmd;
}

/** The values of the shared flags, as commander hands them over. */
export interface CommonOptions {
  data?: string[];
  json?: boolean;
  jsonl?: boolean;
  csv?: boolean;
  fields?: string;
  /** table, tsv, csv, json or jsonl (commander checks the choice; export has its own formats) */
  format?: string;
  csvSafe?: boolean;
  pager?: boolean;
  country?: string[];
  topic?: string[];
  since?: string;
  until?: string;
  year?: string;
  limit?: number;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  cacheDir?: string;
  cache?: boolean;
  maxPageBytes?: number;
}
