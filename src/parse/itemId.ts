import { sha1 } from '../sha1.js';
import { foldText } from '../text/foldText.js';

/**
 * The stable id of an item: the first 12 hex digits of a SHA-1 of its folded title (case, accents, quotes,
 * punctuation and spacing ignored), so the same story listed on two pages is one item.
 *
 * @example
 * itemId('Boosting Young People’s Knowledge') === itemId("boosting young peoples knowledge")  //=> true
 */
export function itemId(title: string): string {
  const key = foldText(title)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return sha1(key).slice(0, 12);
}
