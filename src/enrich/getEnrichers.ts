import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { compileGazetteer } from './compileGazetteer.js';
import { compileTopics } from './classifyTopics.js';
import type { Enrichers } from './enrichItems.js';
import { loadCountries, loadTopics } from './tables.js';
import { bundledDataDir, packageRoot } from '../paths.js';
import { sha1 } from '../sha1.js';
import { timed } from '../timings.js';

/** Bumped when the compiled tables' shape changes. */
const FORMAT = 1;

/** Where the build keeps the compiled gazetteer and taxonomy: a JSON header line, then v8.serialize bytes. */
export const compiledTablesFile = () => path.join(packageRoot(), 'dist', 'tables.v8');

let checksum: string | undefined;

/**
 * The content of the data tables, as one checksum: compiled tables are used only for this very content, and the
 * cache key holds it too. Read and hashed once per process, whichever asks first.
 */
export function tablesChecksum(): string {
  const read = (f: string) => readFileSync(path.join(bundledDataDir(), f));
  checksum ??= sha1(Buffer.concat([read('countries.json'), Buffer.from('\0'), read('topics.json')]));
  return checksum;
}

/** Compiles the gazetteer and taxonomy from data/ (about 40 ms). */
export function compileEnrichers(): Enrichers {
  return { gazetteer: compileGazetteer(loadCountries()), topics: compileTopics(loadTopics()) };
}

/** The compiled tables and their header, as the build writes them to {@link compiledTablesFile}. */
export function serializeEnrichers(enrichers: Enrichers): Buffer {
  const header = JSON.stringify({ format: FORMAT, meso: __MESO_VERSION__, tables: tablesChecksum() });
  return Buffer.concat([Buffer.from(`${header}\n`), v8.serialize(enrichers)]);
}

/**
 * The tables compiled by the build (a few milliseconds to read, against about 40 to compile), when they were
 * compiled from the data files as they are now by this version of meso; else undefined.
 */
function readCompiled(): Enrichers | undefined {
  try {
    const bytes = readFileSync(compiledTablesFile());
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as { format?: number; meso?: string; tables?: string };
    if (header.format !== FORMAT || header.meso !== __MESO_VERSION__ || header.tables !== tablesChecksum())
      return undefined;
    return v8.deserialize(bytes.subarray(nl + 1)) as Enrichers;
  } catch {
    return undefined; // not built, another Node's serialisation, damaged: compile instead
  }
}

let enrichers: Enrichers | undefined;

/** The compiled gazetteer and taxonomy, once per process, on first use: read as the build compiled them when
 * the data tables are unchanged, else compiled now. */
export function getEnrichers(): Enrichers {
  enrichers ??= timed('tables', () => readCompiled() ?? compileEnrichers());
  return enrichers;
}
