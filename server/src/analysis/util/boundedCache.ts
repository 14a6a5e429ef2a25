/** Characters of keys a cache keeps at most, unless it says otherwise: twice a large report's text. */
const DEFAULT_MAX_KEY_CHARACTERS = 1_000_000;
/** What an entry weighs besides its key's characters (the map slot, a small value), in the same unit. */
const ENTRY_WEIGHT = 32;

/**
 * Results kept by key, the least recently used forgotten past `maxEntries` entries or `maxKeyCharacters`
 * characters of keys. For pure work the analysis repeats on every keystroke although a keystroke changes one block:
 * tokens of a paragraph, the instant of a timeline time. Both bounds matter: every keystroke in a paragraph makes a
 * new key as long as the paragraph, and values (a paragraph's tokens) grow with their key, so a bound in entries
 * alone let a day of typing fill the caches with hundreds of megabytes of versions nobody reads again. Forgetting
 * the least recently used keeps the blocks of the open documents, which every keystroke reads again.
 * Values are shared between callers, so they must not be modified.
 */
export class BoundedCache<K, V> {
  /** Oldest use first. The key kept is the cache's own copy (see `ownCopy`), never the caller's. */
  private readonly entries = new Map<K, { key: K; value: V }>();
  private keyCharacters = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxKeyCharacters = DEFAULT_MAX_KEY_CHARACTERS,
  ) {}

  /** The value for `key`, computed from the key the cache keeps (`compute` should read that one, not its own copy). */
  get(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(known.key, known);
      return known.value;
    }
    const own = typeof key === 'string' ? (ownCopy(key) as K) : key;
    const value = compute(own);
    const weight = weightOf(own);
    // Most misses evict nothing: no iterator for them.
    if (this.full(weight)) {
      for (const oldest of this.entries.keys()) {
        if (!this.full(weight)) break;
        this.entries.delete(oldest);
        this.keyCharacters -= weightOf(oldest);
      }
    }
    this.entries.set(own, { key: own, value });
    this.keyCharacters += weight;
    return value;
  }

  /** Whether an entry of `weight` more would pass a bound. */
  private full(weight: number): boolean {
    return this.entries.size >= this.maxEntries || this.keyCharacters + weight > this.maxKeyCharacters;
  }

  /** How many entries, and how many characters of keys (with each entry's own weight), the cache holds now. */
  get size(): { entries: number; keyCharacters: number } {
    return { entries: this.entries.size, keyCharacters: this.keyCharacters };
  }
}

function weightOf(key: unknown): number {
  return ENTRY_WEIGHT + (typeof key === 'string' ? key.length : 0);
}

/**
 * A copy of a string that keeps nothing else alive. V8 represents a slice of a string as a view of the whole
 * one: a cached line of a document would keep that version of the whole document in memory, and a cache filled
 * over an editing session would keep hundreds of versions. Concatenation then slicing makes a flat copy.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
