import { Command, Argument } from 'commander';
import type { Runtime } from '../runtime.js';
import { SHELLS, type Shell } from '../render/shells.js';

/** `meso completion bash|zsh|fish`: a script that completes meso's commands, flags and their values. */
export function makeCompletionCommand(rt: Runtime): Command {
  return new Command('completion')
    .description('print a shell completion script (commands, flags, countries, topics, fields)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n  source <(meso completion bash)                         in ~/.bashrc\n  meso completion zsh > ~/.zfunc/_meso                   with fpath+=(~/.zfunc)\n  meso completion fish > ~/.config/fish/completions/meso.fish',
    )
    .action(async (shell: Shell, _opts: unknown, self: Command) =>
      (await import('./runCompletion.js')).runCompletion(shell, self, rt),
    );
}
