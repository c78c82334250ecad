import type { Item } from '../types.js';
import { NoResultsError, UsageError } from '../errors.js';
import { shortId } from '../render/shortId.js';

/**
 * The one item an id or id prefix names (`meso show 46b7b7f`, `meso similar 46b7b7f`): a usage error for a
 * value that is no id or a prefix of several, "nothing found" (exit 1) for an id no item has.
 */
export function findItem(items: readonly Item[], id: string): Item {
  const key = id.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(key))
    throw new UsageError(`"${id}" is not an item id: ids are hexadecimal, as in the ID column of meso list`);
  const matches = items.filter((i) => i.id.startsWith(key));
  if (matches.length === 0) throw new NoResultsError(`no item with id ${key}`);
  if (matches.length > 1)
    throw new UsageError(
      `id prefix ${key} matches ${matches.length} items (${matches
        .slice(0, 5)
        .map((i) => shortId(i.id))
        .join(', ')}${matches.length > 5 ? ', …' : ''}): give more characters`,
    );
  return matches[0]!;
}
