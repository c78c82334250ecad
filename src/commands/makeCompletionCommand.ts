import { Command, Argument } from 'commander';
import type { Runtime } from '../runtime.js';
import { describeProgram } from './describeProgram.js';
import { renderCompletion, SHELLS, type Shell } from '../render/renderCompletion.js';
import type { CompletionValues } from '../render/programSpec.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { HIT_FIELDS, ITEM_FIELDS } from '../render/records.js';
import { BUCKET_FIELDS } from '../query/buildTimeline.js';
import { FACET_FIELDS } from './makeFacetCommand.js';

/** The values completion offers: the gazetteer's countries, the taxonomy's topics, each command's fields. */
export function completionValues(): CompletionValues {
  const { gazetteer, topics } = getEnrichers();
  return {
    countries: gazetteer.countries.map((c) => c.name).sort((a, b) => a.localeCompare(b)),
    topics: topics.taxonomy.topics.map((t) => t.id),
    fields: {
      '*': ITEM_FIELDS,
      list: ITEM_FIELDS,
      export: ITEM_FIELDS,
      search: [...ITEM_FIELDS, ...HIT_FIELDS],
      countries: FACET_FIELDS.countries,
      topics: FACET_FIELDS.topics,
      timeline: ['series', ...BUCKET_FIELDS, 'inferred'],
    },
  };
}

/** `meso completion bash|zsh|fish`: a script that completes meso's commands, flags and their values. */
export function makeCompletionCommand(rt: Runtime): Command {
  return new Command('completion')
    .description('print a shell completion script (commands, flags, countries, topics, fields)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      '\nExamples:\n  source <(meso completion bash)                         in ~/.bashrc\n  meso completion zsh > ~/.zfunc/_meso                   with fpath+=(~/.zfunc)\n  meso completion fish > ~/.config/fish/completions/meso.fish',
    )
    .action((shell: Shell, _opts: unknown, self: Command) => {
      rt.out(renderCompletion(shell, describeProgram(self.parent!, __MESO_VERSION__), completionValues()));
    });
}
