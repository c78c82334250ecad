import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
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

/** What `meso stats` does (the command, its flags and its help: makeStatsCommand). */
export async function runStats(self: Command, rt: Runtime): Promise<void> {
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
}
