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
  forget(key: string): void;
  /** Forgets everything: for a test stack whose data was put back as seeded. */
  forgetEveryone(): void;
}

export function createCurrentRecords<T>(options: { now: () => number; ttlMs?: number }): CurrentRecords<T> {
  const ttl = options.ttlMs ?? CURRENT_RECORD_TTL_MS;
  // The promise is kept, so requests arriving together while it loads share one read.
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    read(key, load) {
      const now = options.now();
      const held = entries.get(key);
      if (held && now >= held.at && now - held.at < ttl) return held.value;
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      const value = load();
      entries.set(key, { at: now, value });
      // A failed read is not remembered: the next request tries again.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
    forgetEveryone() {
      entries.clear();
    },
  };
}
