/**
 * JSON that is valid for any input: JSON.stringify already escapes lone surrogates (ES2019 well-formed
 * stringify); U+2028/U+2029 are escaped too so the output is also safe to embed in JavaScript.
 */
function safeStringify(value: unknown, space?: number, end = ''): string {
  // (`end` joined before the search, which makes the text one flat string: joined after, the output would be
  // copied whole once more when it is written)
  const json = JSON.stringify(value, null, space) + end;
  // looked for first: replace makes a new string even where it replaces nothing (a search's JSON: about 70 KB)
  if (!json.includes('\u2028') && !json.includes('\u2029')) return json;
  return json.replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

/** One JSON document, pretty-printed, with a final newline. */
export function renderJson(value: unknown): string {
  return safeStringify(value, 2, '\n');
}

/** JSON Lines: one compact JSON object per line. */
export function renderJsonl(values: unknown[]): string {
  return values.map((v) => safeStringify(v, undefined, '\n')).join('');
}
