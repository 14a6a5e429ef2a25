/** Characters of keys a cache keeps at most, unless it says otherwise: twice a large report's text. */
const DEFAULT_MAX_KEY_CHARACTERS = 1_000_000;
/** What an entry weighs besides its key's characters (the map slot, a small value), in the same unit. */
const ENTRY_WEIGHT = 32;

/** Scoped analyses so far: what an entry was added and last read by (`withCacheScope`). */
let analysisRun = 0;
/** The entries the scoped analysis in progress added, with their caches. */
let addedNow: Array<Entry<unknown, unknown>> | undefined;
/** The entries each document's last scoped analysis added. */
const addedByDocument = new WeakMap<object, Array<Entry<unknown, unknown>>>();

/**
 * Runs an analysis of `document` (an object that stands for one open document: its parse cache) and, when it ends,
 * forgets the entries the document's previous analysis added that no analysis has read since: the edited block as
 * it was before the keystroke. Nothing reads those again unless the same text is typed back, and each keystroke
 * left one such version in every cache it read; over a long session they filled the caches up to their bounds. An
 * analysis without a document (the CLI's one per file) or inside another one is not scoped.
 */
export function withCacheScope<T>(document: object | undefined, analysis: () => T): T {
  if (!document || addedNow) return analysis();
  analysisRun++;
  const added: Array<Entry<unknown, unknown>> = [];
  addedNow = added;
  try {
    return analysis();
  } finally {
    addedNow = undefined;
    for (const entry of addedByDocument.get(document) ?? []) {
      if (entry.lastRead === entry.addedIn) entry.cache.forget(entry);
    }
    addedByDocument.set(document, added);
  }
}

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
  /** The key kept is the cache's own copy (see `ownCopy`), never the caller's. */
  private readonly entries = new Map<K, Entry<K, V>>();
  /**
   * The ends of the entries' list in order of use. A hit relinks its entry instead of deleting and setting it again
   * in the map: that left a hole in the map's table at every hit, and the table was rebuilt each time it filled.
   */
  private oldest?: Entry<K, V>;
  private newest?: Entry<K, V>;
  private keyCharacters = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxKeyCharacters = DEFAULT_MAX_KEY_CHARACTERS,
  ) {}

  /** The value for `key`, computed from the key the cache keeps (`compute` should read that one, not its own copy). */
  get(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known) {
      known.lastRead = analysisRun;
      if (known !== this.newest) {
        this.unlink(known);
        this.append(known);
      }
      return known.value;
    }
    const own = typeof key === 'string' ? (ownCopy(key) as K) : key;
    const value = compute(own);
    const weight = weightOf(own);
    while (this.oldest && this.full(weight)) this.forget(this.oldest);
    const entry: Entry<K, V> = { key: own, value, cache: this, addedIn: analysisRun, lastRead: analysisRun };
    this.append(entry);
    this.entries.set(own, entry);
    this.keyCharacters += weight;
    addedNow?.push(entry as Entry<unknown, unknown>);
    return value;
  }

  /** Removes an entry, if the cache still holds it (the bounds may have made room for others since). */
  forget(entry: Entry<K, V>): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.unlink(entry);
    this.entries.delete(entry.key);
    this.keyCharacters -= weightOf(entry.key);
    // A document's list of what its last analysis added may still hold the entry until the document is analysed
    // again: let it hold neither the key nor the value, or the bounds would not free them for a document left open.
    (entry as { key?: K; value?: V }).key = undefined;
    (entry as { key?: K; value?: V }).value = undefined;
  }

  /** Whether an entry of `weight` more would pass a bound. */
  private full(weight: number): boolean {
    return this.entries.size >= this.maxEntries || this.keyCharacters + weight > this.maxKeyCharacters;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = undefined;
  }

  /** Links an entry as the most recently used. */
  private append(entry: Entry<K, V>): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  /** How many entries, and how many characters of keys (with each entry's own weight), the cache holds now. */
  get size(): { entries: number; keyCharacters: number } {
    return { entries: this.entries.size, keyCharacters: this.keyCharacters };
  }
}

interface Entry<K, V> {
  key: K;
  value: V;
  cache: BoundedCache<K, V>;
  /** The scoped analyses that added it and that read it last (`analysisRun` then). */
  addedIn: number;
  lastRead: number;
  /** The neighbours in order of use. */
  older?: Entry<K, V>;
  newer?: Entry<K, V>;
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
