/** Teams of a tenant. An authority has tens of teams, so they are read in one query. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Team, UpdateTeamBody } from '@waypoint/shared/teams/team-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';

export function getTeam(tenant: TenantContext, teamId: string): Promise<Team | undefined> {
  return getItem<Team>(tenant, tenant.keys.team(teamId));
}

export async function listTeams(tenant: TenantContext): Promise<Team[]> {
  const prefix = tenant.keys.teamsPrefix();
  const teams: Team[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
        ExclusiveStartKey: start,
      }),
    );
    teams.push(...(result.Items ?? []).map((item) => withoutKeys<Team>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return teams.sort((a, b) => a.name.localeCompare(b.name));
}

/** Conditional on absence: a second create with the same id is a 409, never an overwrite. */
export async function putNewTeam(tenant: TenantContext, team: Team): Promise<void> {
  await createItem({ tenant, key: tenant.keys.team(team.id), item: { ...team }, what: 'team' });
}

export function updateTeam(options: { tenant: TenantContext; teamId: string; expectedVersion: number; changes: UpdateTeamBody; at: string }) {
  return updateVersioned<Team>({
    tenant: options.tenant,
    key: options.tenant.keys.team(options.teamId),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'team',
  });
}
