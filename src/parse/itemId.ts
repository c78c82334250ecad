import crypto from 'node:crypto';
import { foldText } from '../text/foldText.js';

/**
 * The stable id of an item: the first 12 hex digits of a SHA-1 of its folded title (case, accents, quotes,
 * punctuation and spacing ignored), so the same story listed on two pages is one item.
 *
 * @example
 * itemId('Boosting Young People’s Knowledge') === itemId("boosting young peoples knowledge")  //=> true
 */
export function itemId(title: string): string {
  const key = foldText(title).replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return sha1(key).slice(0, 12);
}

/** SHA-1 in hex: the one-shot crypto.hash where Node has it (20.12 and later), several times cheaper per call. */
const sha1: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha1', text, 'hex') : (text) => crypto.createHash('sha1').update(text).digest('hex');
