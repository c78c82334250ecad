import type { Gazetteer } from './compileGazetteer.js';
import { nameKey } from './compileGazetteer.js';

/** What separates the parts of a line of names. */
const PARTS = /\s*[,;|·]\s*/g;

/**
 * The countries a line of names names ("Belize, Costa Rica y Panamá", "Antigua y Barbuda"), canonical, in
 * order; null when any part is not a country name (names of four letters or more: codes like "ES" do not count).
 *
 * @example
 * countriesOfList(gazetteer, 'Antigua y Barbuda, República Dominicana')  //=> ['Antigua and Barbuda', 'Dominican Republic']
 * countriesOfList(gazetteer, 'Read more')                                  //=> null
 */
export function countriesOfList(gazetteer: Gazetteer, text: string): string[] | null {
  const out: string[] = [];
  const country = (part: string) => {
    const key = nameKey(part);
    return key.length >= 4 ? gazetteer.lookup.get(key) : undefined;
  };
  // the parts one at a time, as text.split(PARTS) cuts them: most lines tested are no list, and their first part
  // says so without cutting the rest
  for (let from = 0, m: RegExpExecArray | null = null; from >= 0; from = m ? m.index + m[0].length : -1) {
    PARTS.lastIndex = from;
    m = PARTS.exec(text);
    const part = text.slice(from, m ? m.index : text.length);
    if (!part) continue;
    const whole = country(part);
    if (whole) {
      if (!out.includes(whole)) out.push(whole);
      continue;
    }
    // "Guatemala and Honduras", "Costa Rica y Panamá": a part may join two names
    const joined = part.split(/\s+(?:and|y|e)\s+/);
    if (joined.length < 2) return null;
    const names: string[] = [];
    for (const p of joined) {
      const name = country(p);
      if (name === undefined) return null;
      names.push(name);
    }
    for (const n of names) if (!out.includes(n)) out.push(n);
  }
  return out.length ? out : null;
}

/** The gazetteer's test for a tag line or heading made only of country names, for the parser. */
export function isCountryListFor(gazetteer: Gazetteer): (text: string) => boolean {
  return (text) => text.length <= 300 && countriesOfList(gazetteer, text) !== null;
}
