/**
 * Splits page text into lines: drops a leading BOM, accepts CRLF, lone CR and LF endings, and a missing
 * final newline.
 *
 * @example
 * splitLines('\uFEFFa\r\nb\rc')  //=> ['a', 'b', 'c']
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}
