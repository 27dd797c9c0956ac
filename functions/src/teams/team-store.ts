/** Teams of a tenant. An authority has tens of teams, so they are read in one query. */
import type { Team, UpdateTeamBody } from '@waypoint/shared/teams/team-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';

/** Teams written before teams could close read as open. */
const withTeamStatus = (team: Team): Team => ({ ...team, status: team.status ?? 'open' });

export async function getTeam(tenant: TenantContext, teamId: string): Promise<Team | undefined> {
  const team = await getItem<Team>(tenant, tenant.keys.team(teamId));
  return team && withTeamStatus(team);
}

export async function listTeams(tenant: TenantContext): Promise<Team[]> {
  const teams = await readAllWithPrefix<Team>(tenant, tenant.keys.teamsPrefix());
  return teams.map(withTeamStatus).sort((a, b) => a.name.localeCompare(b.name));
}

/** Conditional on absence: a second create with the same id is a 409, never an overwrite. */
export async function putNewTeam(tenant: TenantContext, team: Team): Promise<void> {
  await createItem({ tenant, key: tenant.keys.team(team.id), item: { ...team }, what: 'team' });
}

export async function updateTeam(options: { tenant: TenantContext; current: Team; expectedVersion: number; changes: UpdateTeamBody; at: string }) {
  const { before, after } = await updateVersioned<Team>({
    tenant: options.tenant,
    current: options.current,
    key: options.tenant.keys.team(options.current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'team',
  });
  return { before: withTeamStatus(before), after: withTeamStatus(after) };
}
