import { tokenize } from '../text/tokenize.js';

/** An acronym and the words it stands for, folded: `['ilo', ['international', 'labour', 'organization']]`. */
export type Acronym = [short: string, long: string[]];

/** `(ILO)`, `(SDGs)`, `(MdM)`: 2 to 10 letters, the first and at least one more a capital. */
const DEFINED = /\(([A-Z][A-Za-z&]{1,9})\)/g;

/**
 * The acronyms a text defines, written as "International Labour Organization (ILO)": the shortest run of
 * words before the parenthesis whose letters spell the acronym in order, its first letter starting the first
 * word (the algorithm of Schwartz and Hearst, 2003). "Instituto Nacional de Migración (INM)" and "Sustainable
 * Development Goals (SDGs)" are found; "Doctors of the World (MdM)", whose letters do not follow, is not.
 *
 * @example
 * learnAcronyms('with the International Labour Organization (ILO) in Panama')
 * //=> [['ilo', ['international', 'labour', 'organization']]]
 */
export function learnAcronyms(text: string): Acronym[] {
  if (!text.includes('(')) return [];
  const out: Acronym[] = [];
  DEFINED.lastIndex = 0;
  for (let m = DEFINED.exec(text); m !== null; m = DEFINED.exec(text)) {
    const short = m[1]!;
    if (short.replace(/[^A-Z]/g, '').length < 2) continue;
    const letters = short.replace(/[^A-Za-z]/g, '');
    // at most min(|A| + 5, 2|A|) words before the parenthesis, within the sentence
    const before = text
      .slice(Math.max(0, m.index - 200), m.index)
      .split(/[.;:!?()[\]"“”]/)
      .pop()!;
    const words = before.trim().split(/\s+/).filter(Boolean);
    const window = words.slice(-Math.min(letters.length + 5, letters.length * 2)).join(' ');
    const long = longForm(letters, window);
    if (!long) continue;
    const terms = tokenize(long, false);
    if (terms.length < 2 || terms.length > letters.length + 5) continue;
    out.push([short.toLowerCase(), terms]);
  }
  return out;
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Schwartz and Hearst's best long form: matched from the end, each letter of the acronym in turn. */
function longForm(short: string, long: string): string | null {
  let s = short.length - 1;
  let l = long.length - 1;
  const fold = (c: string) => c.normalize('NFKD').charAt(0).toLowerCase();
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    while (l >= 0 && (fold(long[l]!) !== c || (s === 0 && l > 0 && isAlnum(long[l - 1])))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  return long.slice(long.lastIndexOf(' ', l) + 1);
}

/** Long forms kept per acronym: the most often defined ones (a corpus may define one acronym several ways). */
export const LONG_FORMS_KEPT = 2;

/**
 * Collects the acronyms a corpus defines, text by text, and keeps for each the long forms it is most often
 * defined with (first defined first among equals), so a stray match does not stand beside the usual one.
 */
export class AcronymCollector {
  private readonly seen = new Map<string, Map<string, { long: string[]; count: number }>>();
  add(text: string): void {
    for (const [short, long] of learnAcronyms(text)) {
      let forms = this.seen.get(short);
      if (!forms) this.seen.set(short, (forms = new Map()));
      const key = long.join(' ');
      const f = forms.get(key);
      if (f) f.count++;
      else forms.set(key, { long, count: 1 });
    }
  }
  list(): Acronym[] {
    const out: Acronym[] = [];
    for (const [short, forms] of this.seen)
      for (const f of [...forms.values()].sort((a, b) => b.count - a.count).slice(0, LONG_FORMS_KEPT))
        out.push([short, f.long]);
    return out;
  }
}
