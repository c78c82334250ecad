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
  const read = corpus.pages.filter((p) => p.status !== 'skipped').length;
  return {
    schemaVersion: SCHEMA_VERSION,
    pages: read,
    skippedFiles: corpus.pages.length - read,
    items: corpus.items.length,
    dated,
    undated: corpus.items.length - dated,
    inferred: corpus.items.filter((i) => i.inferredDate).length,
    mergedDuplicates: corpus.merged,
    diagnostics: corpus.diagnostics.length,
    perPage: corpus.pages.map((p) => ({
      ...p,
      status: p.status ?? 'read',
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
    '\nEvery file given is in the per-page list: read, or skipped and why (binary, empty, too large, unreadable…).\n\nExamples:\n  meso stats\n  meso stats --data ./my-pages --json | jq \'.perPage[] | select(.diagnostics > 0)\'\n  meso stats --data ./my-pages --json | jq -r \'.perPage[] | select(.status == "skipped") | "\\(.file): \\(.reason)"\'',
  );
  addOptions(cmd, ['json']);
  return cmd.action((_opts: unknown, self: Command) => {
    const opts = self.optsWithGlobals<CommonOptions>();
    const corpus = openCorpus(opts, rt, false); // the warnings are counted here, per page

    const s = corpusStats(corpus);
    if (opts.json) return rt.out(renderJson(s));
    const rows = [
      [
        'pages',
        `${s.pages}${s.skippedFiles ? ` (and ${s.skippedFiles} file${s.skippedFiles === 1 ? '' : 's'} skipped)` : ''}`,
      ],
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
      text +=
        p.status === 'skipped'
          ? `${escapeForTerminal(p.file).padEnd(w)}  skipped: ${escapeForTerminal((p.reason ?? '').replace(/, skipped$/, ''))}\n`
          : `${escapeForTerminal(p.file).padEnd(w)}  ${p.layout.padEnd(8)}  ${String(p.items).padStart(5)}  ${String(Math.round(p.datedShare * 100)).padStart(4)}%  ${String(p.duplicates).padStart(10)}  ${String(p.diagnostics).padStart(8)}\n`;
    rt.out(`${text}`);
  });
}
