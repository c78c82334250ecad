/** Spaces that look like a space: NBSP, narrow NBSP, figure space, the Unicode space separators, tabs. */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/**
 * Invisible characters that scraped pages carry and nobody means: BOM, zero-width space, word joiner. The
 * zero-width joiner and non-joiner (U+200D, U+200C) are kept: they change what text says (emoji sequences such
 * as 👩‍⚕️, Persian and Indic spellings), and JSON promises the text as written.
 */
const INVISIBLE = /\uFEFF|\u200B|\u2060/g;

/**
 * Normalises one line of page text for display: Unicode NFC, odd spaces made plain, runs of spaces
 * collapsed, stray BOMs and zero-width spaces dropped, trimmed. Curly quotes, dashes and apostrophes are kept as written.
 *
 * @example
 * normalizeText('Mexico City\u00A0-\u00A0 The  IOM ')
 * //=> 'Mexico City - The IOM'
 */
export function normalizeText(line: string): string {
  return line.normalize('NFC').replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}
