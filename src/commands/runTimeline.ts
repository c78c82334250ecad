import type { Command } from 'commander';
import type { CommonOptions } from '../options.js';
import { filtersFor } from './filtersFor.js';
import { openCorpus } from '../load/openCorpus.js';
import { queryWords } from './queryWords.js';
import { pickFormat, renderFlat, styleFor } from './emitItems.js';
import type { Runtime } from '../runtime.js';
import { hasFilters, matchFilters, type Filters } from '../query/filterItems.js';
import { parseQuery } from '../query/parseQuery.js';
import { rankQuery } from '../query/queryTerms.js';
import { buildTimeline, BUCKET_FIELDS, type Granularity } from '../query/buildTimeline.js';
import { enrichersForQuery } from '../enrich/getEnrichers.js';
import { NoResultsError } from '../errors.js';
import { renderJson, renderJsonl } from '../render/renderJson.js';
import { parseFields, selectFields, type OutputRecord } from '../render/records.js';
import { renderTimeline } from '../render/renderTimeline.js';
import { renderTimelineSvg } from '../render/renderTimelineSvg.js';
import { writeOutputFile } from '../io/writeFileAtomic.js';

interface TimelineOpts extends CommonOptions {
  by: Granularity | 'auto';
  split?: 'country' | 'topic';
  normalize?: boolean;
  inferred?: boolean;
  any?: boolean;
  all?: boolean;
  svg?: string;
}

/** The header line: what the timeline counts. */
function describe(query: string, f: Filters, by: string): string {
  const parts = [query ? `"${query}"` : 'all items'];
  if (f.countries.length) parts.push(`country: ${f.countries.join(' or ')}`);
  if (f.topics.length) parts.push(`topic: ${f.topics.join(' or ')}`);
  if (f.since || f.until) parts.push(`${f.since ?? '…'} to ${f.until ?? '…'}`);
  return `Timeline of ${parts.join(' · ')} · by ${by}`;
}

/** What `meso timeline` does (the command, its flags and its help: makeTimelineCommand). */
export async function runTimeline(words: string[], self: Command, rt: Runtime): Promise<void> {
  const opts = self.optsWithGlobals<TimelineOpts>();
  const text = queryWords(words, rt.argv, self).join(' ').trim();
  const query = text ? parseQuery(text) : null;
  const filters = filtersFor(opts);
  const format = pickFormat(opts, rt);
  const corpus = openCorpus(opts, rt);
  // the same filters as meso list: with date bounds, undated items are left out, unless --inferred lets an
  // inferred date stand in; without bounds, undated items are reported apart
  const allow = matchFilters(filters, opts.inferred);
  const matches = query
    ? // best match, as search; feedback terms are not the query's words, so they add no item to count
      rankQuery(corpus, query, enrichersForQuery(text), { all: opts.all, allow, feedback: false }).map((h) => h.item)
    : corpus.items.filter(allow);
  const nothing = `no ${matches.length ? 'dated ' : ''}items match${text ? ` "${text}"` : ''}${hasFilters(filters) ? ' with these filters' : ''}`;
  if (matches.length === 0) throw new NoResultsError(nothing);
  const timeline = buildTimeline(matches, corpus.items, {
    by: opts.by,
    since: filters.since,
    until: filters.until,
    inferred: opts.inferred,
    split: opts.split,
  });
  // nothing to chart: every match undated (and none placed by --inferred)
  const charted = timeline.buckets.reduce((n, b) => n + b.count + (b.inferred?.count ?? 0), 0);
  if (charted === 0)
    throw new NoResultsError(
      `${nothing}; ${timeline.undated.count} undated item${timeline.undated.count === 1 ? ' matches' : 's match'} (meso list shows them${opts.inferred ? '' : '; --inferred places those with a date in their text'})`,
    );
  const header = describe(text, filters, timeline.by);
  if (opts.svg) writeOutputFile(opts.svg, renderTimelineSvg(timeline, header, opts.normalize ?? false));
  const filtersOut = {
    countries: filters.countries,
    topics: filters.topics,
    since: filters.since,
    until: filters.until,
  };
  // --fields picks and orders the fields of each bucket (JSON), line (JSON Lines) or row (CSV)
  const bucketFields = [
    ...(timeline.series ? ['series'] : []),
    ...BUCKET_FIELDS,
    ...(opts.inferred ? ['inferred'] : []),
  ];
  const fields = parseFields(opts.fields, bucketFields);
  const pick = (b: object) => selectFields(b as OutputRecord, fields);
  const rows = timeline.series
    ? timeline.series.flatMap((s) => s.buckets.map((b) => ({ series: s.value, ...b })))
    : timeline.buckets;
  if (format === 'json') {
    const series = timeline.series?.map((s) => ({ value: s.value, buckets: s.buckets.map(pick) }));
    rt.out(
      renderJson({
        query: text || null,
        filters: filtersOut,
        by: timeline.by,
        buckets: timeline.buckets.map(pick),
        ...(series ? { series } : {}),
        undated: timeline.undated,
      }),
    );
  } else if (format === 'jsonl') rt.out(renderJsonl(rows.map(pick)));
  else if (format === 'csv' || format === 'tsv' || fields) {
    const csvRows = rows.map((r) => ({ ...r, inferred: r.inferred?.count ?? 0 }));
    rt.out(await renderFlat(format, csvRows, fields ?? bucketFields.filter((f) => f !== 'ids'), opts, rt));
  } else rt.out(renderTimeline(timeline, header, await styleFor(opts, rt), opts.normalize ?? false));
  if (opts.svg && format !== 'table' && format !== 'lines') return;
  if (opts.svg) rt.err(`meso: wrote ${opts.svg}\n`);
}
