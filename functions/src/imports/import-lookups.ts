/** The authority's teams and staff, read once per pass over a file, to match names and emails in it. */
import type { Team } from '@waypoint/shared/teams/team-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { listTeams } from '../teams/team-store.ts';

export interface ImportLookups {
  /** A team by its id or its name, in any case. */
  team(text: string): Team | undefined;
  /** A member of staff by email, in any case. */
  userByEmail(email: string): User | undefined;
}

export async function loadImportLookups(tenant: TenantContext): Promise<ImportLookups> {
  const [teams, users] = await Promise.all([listTeams(tenant), readAllWithPrefix<User>(tenant, tenant.keys.usersPrefix())]);
  const teamsByName = new Map<string, Team>();
  for (const t of teams) {
    teamsByName.set(t.id.toLowerCase(), t);
    teamsByName.set(t.name.trim().toLowerCase(), t);
  }
  const usersByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  return {
    team: (text) => teamsByName.get(text.trim().toLowerCase()),
    userByEmail: (email) => usersByEmail.get(email.trim().toLowerCase()),
  };
}
