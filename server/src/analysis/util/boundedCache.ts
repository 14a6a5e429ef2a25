/**
 * Results kept by key, the oldest forgotten past `capacity`. For pure work the analysis repeats on every
 * keystroke although a keystroke changes one block: tokens of a paragraph, the instant of a timeline time.
 * Values are shared between callers, so they must not be modified.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, computed from the key the cache keeps (`compute` should read that one, not its own copy). */
  get(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    // One lookup for what is cached; a second only for a cached `undefined`.
    if (known !== undefined || this.entries.has(key)) return known as V;
    const own = typeof key === 'string' ? (ownCopy(key) as K) : key;
    const value = compute(own);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(own, value);
    return value;
  }
}

/**
 * A copy of a string that keeps nothing else alive. V8 represents a slice of a string as a view of the whole
 * one: a cached line of a document would keep that version of the whole document in memory, and a cache filled
 * over an editing session would keep hundreds of versions. Concatenation then slicing makes a flat copy.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
