import type { OptionSpec, ProgramSpec } from './programSpec.js';

/** Text made safe for roff: backslashes, hyphens (so they copy as ASCII), a leading dot or quote, non-ASCII. */
const roff = (text: string) =>
  text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/gm, '\\&$1')
    // beyond ASCII as groff's \[uXXXX], so any troff reads it, whatever its input encoding
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);

/** A flag as a tagged paragraph: `.TP`, the flags in bold with the value in italics, then the description. */
function optionEntry(o: OptionSpec): string {
  const flags = o.flags.replace(/ ?([<[][^>\]]+[>\]])/, '');
  const value = o.valueName ? ` \\fI${roff(o.valueName)}\\fR` : '';
  const choices = o.choices ? ` (one of: ${o.choices.join(', ')})` : '';
  return `.TP\n\\fB${roff(flags)}\\fR${value}\n${roff(o.description)}${roff(choices)}`;
}

/** A block of help text (examples, notes) kept as written: no filling, no adjusting. */
const literal = (text: string) => (text.trim() ? `.PP\n.nf\n${roff(text)}\n.fi` : '');

/**
 * The man page (`man 1 meso`), in roff, from the same description of the program that `--help` prints: every
 * command with its usage, description, flags and help text, the global flags, exit status and environment.
 */
export function renderManPage(spec: ProgramSpec): string {
  const { name } = spec;
  const out = [
    `.TH ${name.toUpperCase()} 1 "" "${name} ${spec.version}" "User Commands"`,
    '.SH NAME',
    `${name} \\- ${roff(spec.description)}`,
    '.SH SYNOPSIS',
    `.B ${name}`,
    '[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    `${roff(spec.description)}.`,
    'Global options may come before or after the command name.',
    'Output is a table on a terminal (shown through a pager when long), tab\\-separated lines in a pipe, or JSON, JSON Lines, CSV or TSV when asked.',
    '.SH GLOBAL OPTIONS',
    ...spec.options.map(optionEntry),
    '.TP\n\\fB\\-h, \\-\\-help\\fR\nshow help for meso or for a command',
    '.SH COMMANDS',
  ];
  for (const c of spec.commands) {
    out.push(`.SS "${name} ${c.name} ${roff(c.usage).replace(/"/g, '\\(dq')}"`, `${roff(c.description)}.`);
    if (c.options.length) out.push('.PP', 'Options:', '.RS', ...c.options.map(optionEntry), '.RE');
    const after = literal(c.after);
    if (after) out.push(after);
  }
  out.push(
    '.SH EXIT STATUS',
    '.TP\n0\nfound something',
    '.TP\n1\nfound nothing: a query or filter matched no item (one line on stderr)',
    '.TP\n2\na usage or other error: a bad flag or value, a malformed query, a data path with no pages',
    '.TP\n130\ninterrupted with Ctrl\\-C',
    '.SH ENVIRONMENT',
    '.TP\n.B MESO_DATA\nwhere the pages are, when \\-\\-data is not given (paths separated as in PATH)',
    '.TP\n.B MESO_CACHE_DIR, MESO_NO_CACHE\nwhere to keep the index cache; set MESO_NO_CACHE to skip it',
    '.TP\n.B MESO_PAGER, PAGER\nthe pager for long output on a terminal (default: less \\-FRX); empty or cat for none',
    '.TP\n.B NO_COLOR, FORCE_COLOR\nturn colour off, or force it',
    '.SH EXAMPLES',
    literal(spec.after),
    '.SH SEE ALSO',
    `The README of ${name}, for the JSON fields, the query language and the page layouts.`,
  );
  return `${out.filter(Boolean).join('\n')}\n`;
}
