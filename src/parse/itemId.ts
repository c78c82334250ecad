import { sha1 } from '../sha1.js';
import { foldText } from '../text/foldText.js';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The stable id of an item: the first 12 hex digits of a SHA-1 of its folded title (case, accents, quotes,
 * punctuation and spacing ignored), so the same story listed on two pages is one item.
 *
 * @example
 * itemId('Boosting Young People’s Knowledge') === itemId("boosting young peoples knowledge")  //=> true
 */
export function itemId(title: string): string {
  const folded = foldText(title).replace(/'/g, '');
  // an ASCII title's letters and digits are A–Z, a–z and 0–9: the plain class, cheaper than the Unicode one
  const key = (
    ASCII.test(folded) ? folded.replace(/[^A-Za-z0-9]+/g, ' ') : folded.replace(/[^\p{L}\p{N}]+/gu, ' ')
  ).trim();
  return sha1(key).slice(0, 12);
}
