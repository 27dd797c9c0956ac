/**
 * A person signing in through their council's provider becomes a Waypoint user just in time.
 * Their groups decide their role and teams through the connection's mapping, at every sign-in,
 * so a change in the council's groups applies the next time they sign in. Someone in no mapped
 * group is recorded as awaiting approval and sees nothing until an admin approves them; once an
 * admin has given them a role, signing in with still no mapped group leaves that role alone. But
 * someone whose access came from their groups and who is now in none of them (moved out in the
 * council's directory) goes back to awaiting approval: the council took that access away.
 */
import { mappedAccess, type ProviderConnection } from '@waypoint/shared/federation/connection-schemas';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { listTeams } from '../teams/team-store.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { getUser, putNewUser, updateUser, type UserChanges } from '../users/user-store.ts';

export interface FederatedPerson {
  /** The sign-in service's subject for them, which is their user id. */
  userId: string;
  email: string;
  name: string;
  /** Group ids from the provider's groups claim. */
  groups: readonly string[];
}

/** What the groups give, less any team closed or removed since the mapping was saved. */
async function accessFor(tenant: TenantContext, connection: ProviderConnection, groups: readonly string[]) {
  const access = mappedAccess(connection.groupMappings, groups);
  if (!access || access.teamIds.length === 0) return access;
  const open = new Set((await listTeams(tenant)).filter((t) => teamStatus(t) === 'open').map((t) => t.id));
  return { ...access, teamIds: access.teamIds.filter((id) => open.has(id)) };
}

export async function signInFederatedPerson(options: { tenant: TenantContext; connection: ProviderConnection; person: FederatedPerson; at: string }): Promise<User> {
  const { tenant, connection, person, at } = options;
  const access = await accessFor(tenant, connection, person.groups);
  const actor = { userId: person.userId };
  const existing = await getUser(tenant, person.userId);

  if (!existing) {
    const user: User = {
      id: person.userId,
      name: person.name,
      email: person.email.toLowerCase(),
      // A role is required on every record; someone awaiting approval is refused before it counts.
      role: access?.role ?? 'practitioner',
      teamIds: access?.teamIds ?? [],
      status: access ? 'active' : 'awaiting-approval',
      active: access !== undefined,
      ...(access ? { accessFromGroups: true } : {}),
      signedInAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await putNewUser(tenant, user);
    } catch (error) {
      // Two sign-ins at once: the other made the record; carry on from it.
      if (error instanceof ApiError && error.kind === 'conflict') return signInFederatedPerson(options);
      throw error;
    }
    await recordActivity({ tenant, actor, action: 'created', entity: 'user', entityId: user.id, versionBefore: null, versionAfter: 1, at, changes: ['email', 'name', 'role', 'status', 'teamIds'] });
    return user;
  }

  // A switched-off person stays switched off, whatever their groups say.
  if (existing.status === 'deactivated') return existing;
  const groupsTookAccessAway = !access && existing.accessFromGroups === true && existing.status === 'active';
  if (!access && !groupsTookAccessAway) return existing;
  const changes: UserChanges = access ? { role: access.role, teamIds: access.teamIds, accessFromGroups: true, ...(existing.status === 'active' ? {} : { status: 'active' }) } : { teamIds: [], status: 'awaiting-approval', accessFromGroups: null };
  const { before, after } = await updateUser({ tenant, current: existing, expectedVersion: existing.version, changes, at });
  currentUsers.forget(tenant.tenantId, existing.id);
  await recordActivity({ tenant, actor, action: 'updated', entity: 'user', entityId: existing.id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  return after;
}
