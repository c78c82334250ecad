import { Command } from 'commander';
import { addOptions, type CommonOptions } from '../options.js';
import { openCorpus } from '../load/openCorpus.js';
import type { Runtime } from '../runtime.js';
import { renderJson } from '../render/renderJson.js';
import { SCHEMA_VERSION } from '../types.js';
import type { Corpus } from '../load/loadCorpus.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';

/** The figures `meso stats` prints. */
export function corpusStats(corpus: Corpus) {
  const dated = corpus.items.filter((i) => i.date).length;
  return {
    schemaVersion: SCHEMA_VERSION,
    pages: corpus.pages.length,
    items: corpus.items.length,
    dated,
    undated: corpus.items.length - dated,
    inferred: corpus.items.filter((i) => i.inferredDate).length,
    mergedDuplicates: corpus.merged,
    diagnostics: corpus.diagnostics.length,
    perPage: corpus.pages.map((p) => ({
      ...p,
      datedShare: p.items ? Math.round((p.dated / p.items) * 1000) / 1000 : 0,
    })),
  };
}

/** `meso stats`: pages read, items, dated and undated, duplicates merged, diagnostics; per page too. */
export function makeStatsCommand(rt: Runtime): Command {
  const cmd = new Command('stats').description(
    'count pages, items, dated and undated items, merged duplicates and warnings, per page too',
  );
  cmd.addHelpText(
    'after',
    "\nExamples:\n  meso stats\n  meso stats --data ./my-pages --json | jq '.perPage[] | select(.diagnostics > 0)'",
  );
  addOptions(cmd, ['json']);
  return cmd.action((_opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const corpus = openCorpus({ ...opts, quiet: true }, rt);
    const s = corpusStats(corpus);
    if (opts.json) return rt.out(renderJson(s));
    const rows = [
      ['pages', s.pages],
      ['items', s.items],
      ['dated', s.dated],
      ['undated', `${s.undated}${s.inferred ? ` (${s.inferred} with a date inferred from the text)` : ''}`],
      ['merged duplicates', s.mergedDuplicates],
      ['diagnostics', s.diagnostics],
    ];
    let text = rows.map(([k, v]) => `${String(k).padEnd(18)}${v}`).join('\n');
    const w = Math.max(24, ...s.perPage.map((p) => escapeForTerminal(p.file).length));
    text += `\n\n${'page'.padEnd(w)}  layout    items  dated  duplicates  warnings\n`;
    for (const p of s.perPage)
      text += `${escapeForTerminal(p.file).padEnd(w)}  ${p.layout.padEnd(8)}  ${String(p.items).padStart(5)}  ${String(Math.round(p.datedShare * 100)).padStart(4)}%  ${String(p.duplicates).padStart(10)}  ${String(p.diagnostics).padStart(8)}\n`;
    rt.out(`${text}`);
  });
}
