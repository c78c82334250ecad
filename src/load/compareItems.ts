import type { Item } from '../types.js';

/** Newest first; undated items last; ties in page order (file, then line), so the order is stable across runs. */
export function compareItems(a: Item, b: Item): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  const sa = a.sources[0]!;
  const sb = b.sources[0]!;
  if (sa.file !== sb.file) return sa.file < sb.file ? -1 : 1;
  return sa.line - sb.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
