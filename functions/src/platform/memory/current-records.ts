/**
 * Records as they are now, remembered for at most a minute per process (per Lambda instance),
 * so checking one on every request costs a map lookup, not a read. The one way the API keeps
 * "current" records in memory: the caller's user record and their authority's directory entry
 * both go through it. A change made through this process forgets the record at once; another
 * instance notices within the minute.
 */

export const CURRENT_RECORD_TTL_MS = 60_000;
/** An authority has hundreds of staff; a bound keeps a long-lived process from growing without end. */
const MAX_ENTRIES = 10_000;

export interface CurrentRecords<T> {
  read(key: string, load: () => Promise<T>): Promise<T>;
  /** The record if one is remembered and still fresh; never reads. */
  held(key: string): Promise<T> | undefined;
  /** Remembers a record read some other way (several in one batch). */
  remember(key: string, value: T): void;
  forget(key: string): void;
  /** Forgets everything: for a test stack whose data was put back as seeded. */
  forgetEveryone(): void;
}

export function createCurrentRecords<T>(options: { now: () => number; ttlMs?: number }): CurrentRecords<T> {
  const ttl = options.ttlMs ?? CURRENT_RECORD_TTL_MS;
  // The promise is kept, so requests arriving together while it loads share one read.
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const fresh = (key: string, now: number) => {
    const held = entries.get(key);
    return held && now >= held.at && now - held.at < ttl ? held.value : undefined;
  };
  const keep = (key: string, now: number, value: Promise<T>) => {
    entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, value });
  };
  return {
    read(key, load) {
      const now = options.now();
      const held = fresh(key, now);
      if (held) return held;
      const value = load();
      keep(key, now, value);
      // A failed read is not remembered: the next request tries again.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
    held: (key) => fresh(key, options.now()),
    remember: (key, value) => keep(key, options.now(), Promise.resolve(value)),
    forget(key) {
      entries.delete(key);
    },
    forgetEveryone() {
      entries.clear();
    },
  };
}
