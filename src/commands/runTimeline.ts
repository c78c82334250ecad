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
  const nothing = `no ${matches.length ? 'dated ' : ''}items match${text ? ` "${text}"` : ''}${hasFilters(filters) ? (text ? ' with these filters' : ' these filters') : ''}`;
  const timeline = buildTimeline(matches, corpus.items, {
    by: opts.by,
    since: filters.since,
    until: filters.until,
    inferred: opts.inferred,
    split: opts.split,
  });
  // nothing to chart: every match undated (and none placed by --inferred)
  const charted = timeline.buckets.reduce((n, b) => n + b.count + (b.inferred?.count ?? 0), 0);
  // nothing found still prints what a reader of the format expects (the JSON object, a header row), then exits 1
  const none =
    matches.length === 0
      ? nothing
      : charted === 0
        ? `${nothing}; ${timeline.undated.count} undated item${timeline.undated.count === 1 ? ' matches' : 's match'} (meso list shows them${opts.inferred ? '' : '; --inferred places those with a date in their text'})`
        : undefined;
  if (none !== undefined && format === 'table') throw new NoResultsError(none);
  const header = describe(text, filters, timeline.by);
  // (no chart to write when nothing can be charted)
  if (opts.svg && none === undefined)
    writeOutputFile(opts.svg, renderTimelineSvg(timeline, header, opts.normalize ?? false));
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
  // nothing found: no buckets (the empty periods between the bounds are not a finding)
  const found = <T>(list: T[]): T[] => (none === undefined ? list : []);
  const buckets = found(timeline.buckets);
  const rows = timeline.series
    ? timeline.series.flatMap((s) => found(s.buckets).map((b) => ({ series: s.value, ...b })))
    : buckets;
  if (format === 'json') {
    const series = timeline.series?.map((s) => ({ value: s.value, buckets: found(s.buckets).map(pick) }));
    rt.out(
      renderJson({
        query: text || null,
        filters: filtersOut,
        by: timeline.by,
        buckets: buckets.map(pick),
        ...(series ? { series } : {}),
        undated: timeline.undated,
      }),
    );
  } else if (format === 'jsonl') rt.out(renderJsonl(rows.map(pick)));
  else if (format === 'csv' || format === 'tsv' || format === 'lines' || fields) {
    const csvRows = rows.map((r) => ({ ...r, inferred: r.inferred?.count ?? 0 }));
    // in a pipe, one line per period, what the chart shows: its count (its series, its share of all items with
    // --normalize, its inferred count with --inferred)
    const plain = [
      ...(timeline.series ? ['series'] : []),
      'period',
      'count',
      ...(opts.normalize ? ['total', 'share'] : []),
      ...(opts.inferred ? ['inferred'] : []),
    ];
    const columns = fields ?? (format === 'lines' ? plain : bucketFields.filter((f) => f !== 'ids'));
    rt.out(await renderFlat(format, csvRows, columns, opts, rt));
  } else rt.out(renderTimeline(timeline, header, await styleFor(opts, rt), opts.normalize ?? false));
  if (none !== undefined) throw new NoResultsError(none);
  if (opts.svg && format !== 'table' && format !== 'lines') return;
  if (opts.svg) rt.err(`meso: wrote ${opts.svg}\n`);
}
