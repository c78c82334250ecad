/** Where an item was read: a page file relative to the data folder, and the 1-based line of its title. */
export interface Source {
  file: string;
  line: number;
}

/** A problem found while reading or parsing a page; the run goes on. */
export interface Diagnostic {
  /** page file relative to the data folder (or "-" for standard input) */
  file: string;
  /** 1-based line number, or 0 when the problem concerns the whole file */
  line: number;
  /** what is wrong and why, in one line */
  message: string;
  /** the offending text, normalised, when there is one */
  text?: string;
  /**
   * absent: a line that fits no item (a warning); `doubt`: a line placed in an item by a reading that may be
   * wrong (a warning too); `note`: a line meso recognised and left out on purpose (page furniture, a language
   * marker, a heading), shown by `meso parse` only
   */
  level?: 'note' | 'doubt';
}

/** The layout the parser found in a page. */
export type Layout = 'dated' | 'undated' | 'mixed' | 'empty';

/** What a page is: a listing of items (title and summary each), or one article with its whole text. */
export type PageKind = 'listing' | 'article' | 'empty';

/** Where the dates of a page sit: before each title, after each title (and tag line), after each summary, or nowhere. */
export type DateOrder = 'date-first' | 'title-first' | 'date-last' | 'none';

/** Facts a page states about an item besides its text: evidence for enrichment. */
export interface PageFacts {
  /** the tag line of an article page, split into its names ("Belize", "Costa Rica", …) */
  tags?: string[];
  /** the heading of the listing the item is in (a country's name, a tag, a section) */
  heading?: string;
  /** the place of the dateline the item's text opens with ("San José, Costa Rica") */
  dateline?: string;
}

/** An item as one page lists it, before merging and enrichment. */
export interface RawItem {
  title: string;
  /** "YYYY-MM-DD" from a date line of the page, or null */
  date: string | null;
  summary: string;
  source: Source;
  /** every line number (1-based) that went into this item: date, title, summary lines */
  lines: number[];
  /** the whole text, when the page gives more than a listing summary (an article page) */
  body?: string;
  /** what the page says about the item besides its text */
  facts?: PageFacts;
}

/** A page after parsing. */
export interface ParsedPage {
  file: string;
  layout: Layout;
  /** a listing of items, or an article (one item with its whole text) */
  kind: PageKind;
  /** where the dates sit, as chosen for the whole page */
  order: DateOrder;
  /** why the parser read the page this way, in one sentence */
  why: string;
  items: RawItem[];
  diagnostics: Diagnostic[];
  /** number of non-blank lines: every one is in an item or in a diagnostic that is not a doubt */
  nonBlankLines: number;
}

/** A place named in an item, with the country it lies in. */
export interface Place {
  name: string;
  country: string;
  kind: string;
}

/** A date read from an undated item's own text. */
export interface InferredDate {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  value: string;
  precision: 'year' | 'month' | 'day';
  /** the words it came from */
  evidence: string;
}

/** Why an enricher tagged an item: the label and the words that made it. */
export interface Evidence {
  /** `page`: a fact the page states (a tag line, a heading), behind a country */
  kind: 'country' | 'place' | 'topic' | 'date' | 'page';
  label: string;
  words: string[];
}

/**
 * One news item, as meso prints it in JSON (schema version {@link SCHEMA_VERSION}).
 * Fields are only ever added; renaming or removing one bumps the schema version.
 */
export interface Item {
  /** stable id: a hash of the folded title, so the same story on two pages is one item */
  id: string;
  title: string;
  /** "YYYY-MM-DD" when a page lists the date, else null */
  date: string | null;
  /** "listed" when a page gives the date, null otherwise */
  dateSource: 'listed' | null;
  /** a date found in the item's own text, for undated items only */
  inferredDate: InferredDate | null;
  /** paragraphs separated by a blank line; bullet lines on lines of their own */
  summary: string;
  /**
   * the whole text when a page gives more than the listing summary (an article page: every paragraph, the
   * summary's first), else null. meso always sets it; optional only so that hand-built items may leave it out
   */
  body?: string | null;
  /** every country the item is about, canonical English names, most salient first */
  countries: string[];
  /** the one country the item is mainly about, or null for a regional or multi-country story */
  primaryCountry: string | null;
  places: Place[];
  /** topic ids from data/topics.json */
  topics: string[];
  /** every page and line where the item is listed */
  sources: Source[];
  /**
   * what its pages state besides its text (tag line, heading, dateline): kept for `meso show` to explain the
   * countries; not part of the JSON record
   */
  facts?: PageFacts;
}

/** The version of the JSON item shape; bumped when a field is renamed or removed. */
export const SCHEMA_VERSION = 1;
