// @ts-check
// The plain scripts' page reader: split pages simply, with none of meso's parsing, enrichment or stems.
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {{ id: number, title: string, summary: string }} PlainItem */

const DATE = /^(\d{1,2} [A-Za-z]+,? \d{4}|[A-Za-z]+ \d{1,2}, \d{4})$/;

/** MiniSearch's options for the plain scripts: its defaults, over title and summary. */
export const OPTIONS = { fields: ['title', 'summary'] };

/**
 * Items of every `.txt` page in `dir`: dated blocks (date, title, summary paragraphs) or, in a page with no
 * date line, title/summary line pairs.
 * @param {string} dir
 * @returns {PlainItem[]}
 */
export function readItems(dir) {
  /** @type {{ title: string | null, summary: string }[]} */
  const items = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const f of files) {
    const lines = fs
      .readFileSync(path.join(dir, f), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.some((l) => DATE.test(l))) {
      /** @type {{ title: string | null, summary: string } | null} */
      let cur = null;
      for (const l of lines) {
        if (DATE.test(l)) {
          cur = { title: null, summary: '' };
          items.push(cur);
        } else if (cur && cur.title === null) cur.title = l;
        else if (cur) cur.summary += (cur.summary ? ' ' : '') + l;
      }
    } else {
      for (let i = 0; i < lines.length; i += 2) items.push({ title: lines[i] ?? '', summary: lines[i + 1] ?? '' });
    }
  }
  return items.map((it, id) => ({ id, title: it.title ?? '', summary: it.summary }));
}
