/**
 * Makes text safe to print on a terminal: C0/C1 control characters (ESC, BEL, CR, …), DEL, bidi overrides and
 * isolates, and line/paragraph separators are shown as visible escapes (`\x1b`, `\u202e`), never sent
 * to the terminal as they are. Newlines are kept only when `keepNewlines` is set.
 *
 * @example
 * escapeForTerminal('red \x1b[31mtext')  //=> 'red \\x1b[31mtext'
 */
export function escapeForTerminal(text: string, keepNewlines = false): string {
  return text.replace(
    /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu,
    (ch) => {
      if (keepNewlines && ch === '\n') return ch;
      const code = ch.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}
