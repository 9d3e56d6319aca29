type Entry<Value> = { version: string; value: Value; size: number };

/**
 * Values read from the database, each kept with the version of the data it was read from (a
 * version PostgreSQL bumps on every committed change, read in the same snapshot as the value).
 * A value is given back only to a caller holding that same version, which it reads from the
 * database first, or to one that checks the version in the statement relying on the value (see
 * `latest`): so every instance on one database answers what is committed, and a change made
 * through another instance is seen as soon as it is committed there.
 *
 * Bounded by `maxSize` (as `sizeOf` counts, e.g. characters): the least recently used values go
 * first. A value stored for an older version stays until it is replaced or pushed out.
 */
export class VersionedCache<Value> {
  private readonly entries = new Map<string, Entry<Value>>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (key: string, value: Value) => number,
  ) {}

  /** Whether a value is kept for `key`, for some version: then the current version is worth asking for. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value kept for `key` if it was read at `version`. */
  get(key: string, version: string): Value | undefined {
    const entry = this.entries.get(key);
    return entry?.version === version ? this.used(key, entry).value : undefined;
  }

  /**
   * The value kept for `key` with the version it was read at, whatever the version now: for a
   * caller that confirms the version later, in the statement that relies on the value.
   */
  latest(key: string): { version: string; value: Value } | undefined {
    const entry = this.entries.get(key);
    return entry && this.used(key, entry);
  }

  /** Keeps `value`, read at `version`, for `key` (unless it alone is larger than the whole cache). */
  set(key: string, version: string, value: Value): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
    if (size > this.maxSize) return;
    this.entries.set(key, { version, value, size });
    this.size += size;
    for (const [oldest] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.delete(oldest);
    }
  }

  /** Most recently used last: Map keeps insertion order. */
  private used(key: string, entry: Entry<Value>): Entry<Value> {
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= entry.size;
  }
}
