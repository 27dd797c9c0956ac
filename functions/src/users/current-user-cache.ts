/**
 * The caller's user record as it is now, remembered for at most a minute per process (per
 * Lambda instance), so checking it on every request costs a map lookup, not a read. A
 * change made through this process forgets the person at once; another instance notices
 * within the minute.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getUser } from './user-store.ts';

export const CURRENT_USER_TTL_MS = 60_000;
/** An authority has hundreds of staff; a bound keeps a long-lived process from growing without end. */
const MAX_ENTRIES = 10_000;

export interface UserCache {
  read(tenant: TenantContext, userId: string): Promise<User | undefined>;
  forget(tenantId: string, userId: string): void;
  /** Forgets everyone: for a test stack whose data was put back as seeded. */
  forgetEveryone(): void;
}

export function createUserCache(options: { load: (tenant: TenantContext, userId: string) => Promise<User | undefined>; now: () => number; ttlMs?: number }): UserCache {
  const ttl = options.ttlMs ?? CURRENT_USER_TTL_MS;
  // The promise is kept, so requests arriving together while it loads share one read.
  const entries = new Map<string, { at: number; user: Promise<User | undefined> }>();
  const keyOf = (tenantId: string, userId: string) => `${tenantId} ${userId}`;
  return {
    read(tenant, userId) {
      const key = keyOf(tenant.tenantId, userId);
      const now = options.now();
      const held = entries.get(key);
      if (held && now >= held.at && now - held.at < ttl) return held.user;
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      const user = options.load(tenant, userId);
      entries.set(key, { at: now, user });
      // A failed read is not remembered: the next request tries again.
      user.catch(() => entries.get(key)?.user === user && entries.delete(key));
      return user;
    },
    forget(tenantId, userId) {
      entries.delete(keyOf(tenantId, userId));
    },
    forgetEveryone() {
      entries.clear();
    },
  };
}

/** The process's one cache; user writes call `forget`. */
export const currentUsers = createUserCache({ load: getUser, now: () => clock.now().getTime() });
