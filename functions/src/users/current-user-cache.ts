/**
 * The caller's user record as it is now, remembered for at most a minute per process
 * (`platform/memory/current-records.ts`). A user write in this process forgets the person.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { CURRENT_RECORD_TTL_MS, createCurrentRecords } from '../platform/memory/current-records.ts';
import { getUser } from './user-store.ts';

export const CURRENT_USER_TTL_MS = CURRENT_RECORD_TTL_MS;

export interface UserCache {
  read(tenant: TenantContext, userId: string): Promise<User | undefined>;
  forget(tenantId: string, userId: string): void;
  /** Forgets everyone: for a test stack whose data was put back as seeded. */
  forgetEveryone(): void;
}

export function createUserCache(options: { load: (tenant: TenantContext, userId: string) => Promise<User | undefined>; now: () => number; ttlMs?: number }): UserCache {
  const records = createCurrentRecords<User | undefined>(options);
  const keyOf = (tenantId: string, userId: string) => `${tenantId} ${userId}`;
  return {
    read: (tenant, userId) => records.read(keyOf(tenant.tenantId, userId), () => options.load(tenant, userId)),
    forget: (tenantId, userId) => records.forget(keyOf(tenantId, userId)),
    forgetEveryone: () => records.forgetEveryone(),
  };
}

/** The process's one cache; user writes call `forget`. */
export const currentUsers = createUserCache({ load: getUser, now: () => clock.now().getTime() });
