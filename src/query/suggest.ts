import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest of some known values to what the user typed, when it is close enough to be a likely typo
 * (an edit distance of at most a third of its length, and at least 1), else undefined.
 *
 * @example
 * suggest('Costa Rika', ['Costa Rica', 'Cuba'])  //=> 'Costa Rica'
 */
export function suggest(input: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = input.toLowerCase();
  const best = closest(
    lower,
    candidates.map((c) => c.toLowerCase()),
  );
  const i = candidates.findIndex((c) => c.toLowerCase() === best);
  return distance(lower, best) <= Math.max(1, Math.floor(lower.length / 3)) ? candidates[i] : undefined;
}
