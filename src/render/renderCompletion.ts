import type { CommandSpec, CompletionValues, OptionSpec, ProgramSpec } from './programSpec.js';
import type { Shell } from './shells.js';

/** The shells `meso completion` writes a script for. */

/** What a flag's value completes to. */
type ValueKind =
  | { kind: 'words'; words: readonly string[] }
  | { kind: 'list'; words: readonly string[] }
  | { kind: 'file' }
  | { kind: 'dir' }
  | { kind: 'none' };

/** Flags whose values are paths. */
const FILE_FLAGS = new Set(['--data', '--out', '--svg']);
const DIR_FLAGS = new Set(['--cache-dir']);

function valueKind(o: OptionSpec, command: string, values: CompletionValues): ValueKind {
  if (!o.takesValue) return { kind: 'none' };
  if (o.choices) return { kind: 'words', words: o.choices };
  if (o.long === '--country') return { kind: 'words', words: values.countries };
  if (o.long === '--topic') return { kind: 'words', words: values.topics };
  if (o.long === '--fields') return { kind: 'list', words: values.fields[command] ?? values.fields['*'] ?? [] };
  if (o.long && FILE_FLAGS.has(o.long)) return { kind: 'file' };
  if (o.long && DIR_FLAGS.has(o.long)) return { kind: 'dir' };
  return { kind: 'none' };
}

const names = (o: OptionSpec) => [o.short, o.long].filter((n): n is string => Boolean(n));
/** The help flag commander adds to every command. */
const HELP: OptionSpec = {
  flags: '-h, --help',
  short: '-h',
  long: '--help',
  description: 'show help',
  takesValue: false,
};

/** A shell completion script for meso: commands, flags, and flag values (countries, topics, fields, choices). */
export function renderCompletion(shell: Shell, spec: ProgramSpec, values: CompletionValues): string {
  if (shell === 'bash') return renderBash(spec, values);
  if (shell === 'zsh') return renderZsh(spec, values);
  return renderFish(spec, values);
}

/** A word list in single quotes for sh (bash, zsh), one word a line. */
const shLines = (words: readonly string[]) => `'${words.join('\n').replace(/'/g, `'\\''`)}'`;
const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function renderBash(spec: ProgramSpec, values: CompletionValues): string {
  const cmds = spec.commands.map((c) => c.name);
  const valueCases: string[] = [];
  // each word list once, in a variable: the country list would otherwise be repeated for every command
  const lists = new Map<string, string>();
  const listVar = (words: readonly string[]) => {
    const key = words.join('\n');
    if (!lists.has(key)) lists.set(key, `_meso_values_${lists.size}`);
    return `"$${lists.get(key)}"`;
  };
  const addCases = (command: string, pattern: string, options: OptionSpec[]) => {
    for (const o of options) {
      const v = valueKind(o, command, values);
      if (v.kind === 'none') continue;
      const labels = names(o)
        .map((n) => `${pattern}:${n}`)
        .join('|');
      const action =
        v.kind === 'words'
          ? `_meso_words ${listVar(v.words)}`
          : v.kind === 'list'
            ? `_meso_list ${listVar(v.words)}`
            : v.kind === 'file'
              ? `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))`
              : `compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur"))`;
      valueCases.push(`    ${labels}) ${action}; return ;;`);
    }
  };
  for (const c of spec.commands) addCases(c.name, c.name, c.options);
  addCases('', '*', spec.options);
  const flagCases = spec.commands.map(
    (c) => `    ${c.name}) flags=${shQuote([...c.options, HELP].flatMap(names).join(' '))} ;;`,
  );
  const globals = [...spec.options, HELP].flatMap(names).join(' ');
  return `# bash completion for meso (${spec.version}): commands, flags, countries, topics and fields.
# Load it now:     source <(meso completion bash)
# or for good:     meso completion bash > ~/.local/share/bash-completion/completions/meso

${[...lists].map(([words, name]) => `${name}=${shLines(words.split('\n'))}`).join('\n')}

# Offers the words (one a line) that start with what is typed, quoted for the shell.
_meso_words() {
  local IFS=$'\\n' w
  COMPREPLY=()
  for w in $1; do
    [[ "\${w,,}" == "\${cur,,}"* ]] && COMPREPLY+=("$(printf '%q' "$w")")
  done
}

# Offers the words for the last item of a comma-separated list (--fields id,ti<TAB>).
_meso_list() {
  local IFS=$'\\n' w pre="" last="$cur"
  if [[ "$cur" == *,* ]]; then pre="\${cur%,*},"; last="\${cur##*,}"; fi
  COMPREPLY=()
  for w in $1; do
    [[ "$w" == "$last"* ]] && COMPREPLY+=("$pre$w")
  done
  compopt -o nospace 2>/dev/null
}

_meso() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i flags
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${cmds.join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W ${shQuote(`${globals} -V --version`)} -- "$cur"))
    else
      COMPREPLY=($(compgen -W ${shQuote(cmds.join(' '))} -- "$cur"))
    fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${flagCases.join('\n')}
    esac
    COMPREPLY=($(compgen -W "$flags ${globals}" -- "$cur"))
    return
  fi
  case "$cmd" in
    help) COMPREPLY=($(compgen -W ${shQuote(cmds.join(' '))} -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W 'bash zsh fish' -- "$cur")) ;;
    parse) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}

complete -F _meso meso
`;
}

/** Text inside a zsh _arguments spec: brackets, colons and quotes escaped. */
const zshText = (s: string) => s.replace(/\\/g, '\\\\').replace(/([[\]:'])/g, (c) => (c === "'" ? `'\\''` : `\\${c}`));
/** A word inside a zsh (a b c) value list. */
const zshWord = (s: string) => s.replace(/([\\\s()'":])/g, (c) => (c === "'" ? `\\'\\''` : `\\${c}`));

function zshOption(o: OptionSpec, command: string, values: CompletionValues): string {
  const flags = names(o);
  const exclusive = flags.length > 1 ? `(${flags.join(' ')})` : '';
  const head = flags.length > 1 ? `{${flags.join(',')}}` : flags[0];
  const desc = `[${zshText(o.description.split('\n')[0]!)}]`;
  const v = valueKind(o, command, values);
  const value =
    v.kind === 'none'
      ? o.takesValue
        ? `:${zshText(o.valueName ?? 'value')}: `
        : ''
      : v.kind === 'words'
        ? `:${zshText(o.valueName ?? 'value')}:(${v.words.map(zshWord).join(' ')})`
        : v.kind === 'list'
          ? `:fields:_sequence compadd - ${v.words.join(' ')}`
          : v.kind === 'file'
            ? ':file:_files'
            : ':folder:_files -/';
  // a repeatable flag (--country, --topic, --data) may come more than once
  const repeat = /repeat/.test(o.description) ? '*' : '';
  return flags.length > 1 && !repeat
    ? `'${exclusive}'${head}'${desc}${value}'`
    : `${repeat ? `'*'${head}` : head}'${desc}${value}'`;
}

function renderZsh(spec: ProgramSpec, values: CompletionValues): string {
  const globals = spec.options.map((o) => `    ${zshOption(o, '', values)}`);
  const commands = spec.commands.map((c) => `      ${shQuote(`${c.name}:${zshText(c.description)}`)}`);
  const perCommand = spec.commands.map((c: CommandSpec) => {
    const opts = c.options.map((o) => `          ${zshOption(o, c.name, values)}`);
    const rest =
      c.name === 'help'
        ? `          '1:command:(${spec.commands.map((x) => x.name).join(' ')})'`
        : c.name === 'completion'
          ? `          '1:shell:(bash zsh fish)'`
          : c.name === 'parse'
            ? `          '*:page file:_files'`
            : `          '*:argument: '`;
    return `      ${c.name})\n        _arguments -s \\\n${[...opts, rest].join(' \\\n')} ;;`;
  });
  return `#compdef meso
# zsh completion for meso (${spec.version}): commands, flags, countries, topics and fields.
# Load it now:     source <(meso completion zsh)
# or for good:     meso completion zsh > "\${fpath[1]}/_meso"   (then start a new shell)

_meso() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C -s \\
${globals.join(' \\\n')} \\
    '(-h --help)'{-h,--help}'[show help]' \\
    '(-V --version)'{-V,--version}'[show the version]' \\
    '1:command:->command' \\
    '*::argument:->argument'
  case $state in
    command)
      local -a commands
      commands=(
${commands.join('\n')}
      )
      _describe -t commands 'meso command' commands ;;
    argument)
      case $line[1] in
${perCommand.join('\n')}
      esac ;;
  esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _meso "$@"
else
  compdef _meso meso
fi
`;
}

/** A string in fish single quotes. */
const fishQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishOption(o: OptionSpec, condition: string, command: string, values: CompletionValues): string {
  const parts = ['complete -c meso'];
  if (condition) parts.push(`-n ${fishQuote(condition)}`);
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (o.long) parts.push(`-l ${o.long.slice(2)}`);
  const v = valueKind(o, command, values);
  if (v.kind === 'words')
    parts.push(`-x -a ${fishQuote(v.words.map((w) => w.replace(/([\s'"\\])/g, '\\$1')).join(' '))}`);
  else if (v.kind === 'list')
    parts.push(`-x -a ${fishQuote(`(__fish_complete_list , "printf '%s\\n' ${v.words.join(' ')}")`)}`);
  else if (v.kind === 'file' || v.kind === 'dir') parts.push('-r -F');
  else if (o.takesValue) parts.push('-x');
  parts.push(`-d ${fishQuote(o.description.split('\n')[0]!.slice(0, 80))}`);
  return parts.join(' ');
}

function renderFish(spec: ProgramSpec, values: CompletionValues): string {
  const lines = [
    `# fish completion for meso (${spec.version}): commands, flags, countries, topics and fields.`,
    '# Load it now:     meso completion fish | source',
    '# or for good:     meso completion fish > ~/.config/fish/completions/meso.fish',
    '',
    'complete -c meso -f',
    ...spec.options.map((o) => fishOption(o, '', '', values)),
    `complete -c meso -s h -l help -d 'show help'`,
    ...spec.commands.map(
      (c) => `complete -c meso -n '__fish_use_subcommand' -a ${c.name} -d ${fishQuote(c.description.slice(0, 80))}`,
    ),
  ];
  for (const c of spec.commands) {
    const when = `__fish_seen_subcommand_from ${c.name}`;
    lines.push('', ...c.options.map((o) => fishOption(o, when, c.name, values)));
  }
  const cmds = spec.commands.map((c) => c.name).join(' ');
  lines.push(
    '',
    `complete -c meso -n '__fish_seen_subcommand_from help' -a ${fishQuote(cmds)}`,
    `complete -c meso -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`,
    `complete -c meso -n '__fish_seen_subcommand_from parse' -F`,
  );
  return `${lines.join('\n')}\n`;
}
