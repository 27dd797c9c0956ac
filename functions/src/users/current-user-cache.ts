/**
 * Staff user records as they are now, remembered for at most a minute per process
 * (`platform/memory/current-records.ts`): the caller's, checked on every request, and the people
 * a read view names. A user write in this process forgets the person.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { CURRENT_RECORD_TTL_MS, createCurrentRecords } from '../platform/memory/current-records.ts';
import { getUser, getUsers } from './user-store.ts';

export const CURRENT_USER_TTL_MS = CURRENT_RECORD_TTL_MS;

export interface UserCache {
  read(tenant: TenantContext, userId: string): Promise<User | undefined>;
  /**
   * The names of these people: those remembered from memory, the rest in one batch read (and
   * remembered), so a view opened again names its people without a read.
   */
  names(tenant: TenantContext, userIds: readonly string[]): Promise<Map<string, string>>;
  forget(tenantId: string, userId: string): void;
  /** Forgets everyone: for a test stack whose data was put back as seeded. */
  forgetEveryone(): void;
}

export function createUserCache(options: { load: (tenant: TenantContext, userId: string) => Promise<User | undefined>; loadMany: (tenant: TenantContext, userIds: readonly string[]) => Promise<User[]>; now: () => number; ttlMs?: number }): UserCache {
  const records = createCurrentRecords<User | undefined>(options);
  const keyOf = (tenantId: string, userId: string) => `${tenantId} ${userId}`;
  return {
    read: (tenant, userId) => records.read(keyOf(tenant.tenantId, userId), () => options.load(tenant, userId)),
    async names(tenant, userIds) {
      const names = new Map<string, string>();
      const unknown: string[] = [];
      for (const id of new Set(userIds)) {
        const held = records.held(keyOf(tenant.tenantId, id));
        if (!held) unknown.push(id);
        else {
          const user = await held;
          if (user) names.set(id, user.name);
        }
      }
      if (unknown.length > 0) {
        for (const user of await options.loadMany(tenant, unknown)) {
          records.remember(keyOf(tenant.tenantId, user.id), user);
          names.set(user.id, user.name);
        }
      }
      return names;
    },
    forget: (tenantId, userId) => records.forget(keyOf(tenantId, userId)),
    forgetEveryone: () => records.forgetEveryone(),
  };
}

/** The process's one cache; user writes call `forget`. */
export const currentUsers = createUserCache({ load: getUser, loadMany: getUsers, now: () => clock.now().getTime() });
