import type { Command } from 'commander';
import type { Runtime } from '../runtime.js';
import { describeProgram } from './describeProgram.js';
import { renderCompletion } from '../render/renderCompletion.js';
import type { Shell } from '../render/shells.js';
import type { CompletionValues } from '../render/programSpec.js';
import { getEnrichers } from '../enrich/getEnrichers.js';
import { FACET_FIELDS, HIT_FIELDS, ITEM_FIELDS } from '../render/records.js';
import { BUCKET_FIELDS } from '../query/buildTimeline.js';

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

/** What `meso completion` does (the command, its flags and its help: makeCompletionCommand). */
export async function runCompletion(shell: Shell, self: Command, rt: Runtime): Promise<void> {
  rt.out(renderCompletion(shell, describeProgram(self.parent!, __MESO_VERSION__), completionValues()));
}
