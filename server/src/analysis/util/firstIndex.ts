/**
 * The index of the first item for which `isBefore` is false, in items ordered so that every item before it
 * gives true and every item from it on gives false (a binary search: lists of sections, prose blocks or
 * placeholders are long in long reports).
 */
export function firstIndex<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}
