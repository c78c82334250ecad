import type { Hit } from '../query/searchItems.js';
import type { Style } from './makeStyle.js';
import { escapeForTerminal } from '../text/escapeForTerminal.js';
import { shortId } from './shortId.js';

/**
 * `meso search --explain` for people: per hit, how many query words it matched and each share of its score:
 * which query words, how (exact, stem, prefix, fuzzy, synonym, acronym, feedback, topic, country), through which
 * index terms ("~return" is a stem), in which fields.
 */
export function renderExplain(hits: Hit[], style: Style): string {
  const { c } = style;
  const lines: string[] = ['', c.bold('Why these rank where they do:')];
  hits.forEach((h, n) => {
    const e = h.explain;
    if (!e) return;
    lines.push(
      `${n + 1}. ${shortId(h.item.id)}  score ${e.score.toFixed(4)}  words ${e.words}/${e.of}  ${escapeForTerminal(h.item.title)}`,
    );
    for (const p of e.parts) {
      const how = p.via ? `${p.how} (${p.via})` : p.how;
      const where = p.fields.length ? ` in ${p.fields.join(', ')}` : '';
      const terms = p.terms.length ? ` [${p.terms.join(', ')}]` : '';
      lines.push(
        `   ${p.score.toFixed(4).padStart(9)}  ${escapeForTerminal(p.query)}: ${escapeForTerminal(how)}${terms}${where}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
