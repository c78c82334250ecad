import stringWidth from 'string-width';

// made on first use: creating a Segmenter loads ICU's break rules, some milliseconds a JSON run never needs
let graphemes: Intl.Segmenter | undefined;

/** The user-perceived characters of a text (an emoji with its modifiers is one), never a half surrogate pair. */
export const splitGraphemes = (text: string): string[] => {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
};

/** Columns a text takes on a terminal (wide East Asian characters and emoji take two); the measure cli-table3 uses. */
export const textWidth = (text: string): number => stringWidth(text);

/**
 * Cuts a text to at most `width` terminal columns, on a grapheme boundary (Intl.Segmenter), so an emoji or an
 * accented letter is never split into U+FFFD; a cut text ends with `…` and, when a space falls in its second
 * half, is cut there.
 *
 * @example
 * cutText('Migrants 👩‍👧 arrive in Tapachula', 12)  //=> 'Migrants 👩‍👧…'
 */
export function cutText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const g of splitGraphemes(text)) {
    const w = textWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  const space = out.lastIndexOf(' ');
  if (space >= out.length / 2) out = out.slice(0, space);
  return `${out.trimEnd()}…`;
}

/** The places a word may be broken: between graphemes, never inside a colour escape sequence. */
const breakUnits = (word: string): string[] =>
  word.split(/(\x1b\[[0-9;]*m)/).flatMap((part, i) => (i % 2 ? [part] : splitGraphemes(part)));

/**
 * Wraps text to lines of at most `width` terminal columns: at spaces where it can, and a word longer than a line
 * is broken between graphemes. Newlines in the text start new lines.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineW = 0;
    for (const word of para.split(' ')) {
      const wordW = textWidth(word);
      if (line && lineW + 1 + wordW <= w) {
        line += ` ${word}`;
        lineW += 1 + wordW;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      lineW = 0;
      if (wordW <= w) {
        line = word;
        lineW = wordW;
        continue;
      }
      for (const g of breakUnits(word)) {
        const gw = textWidth(g);
        if (lineW + gw > w && line) {
          lines.push(line);
          line = '';
          lineW = 0;
        }
        line += g;
        lineW += gw;
      }
    }
    lines.push(line);
  }
  return lines;
}
