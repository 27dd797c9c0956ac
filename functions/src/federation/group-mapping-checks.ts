/** A group may give only teams that exist in the tenant and are open: a closed team takes no new members. */
import type { GroupMapping } from '@waypoint/shared/federation/connection-schemas';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { listTeams } from '../teams/team-store.ts';

export async function checkMappedTeams(tenant: TenantContext, mappings: readonly GroupMapping[]): Promise<void> {
  if (!mappings.some((m) => m.teamIds.length > 0)) return;
  const teams = new Map((await listTeams(tenant)).map((t) => [t.id, t]));
  const errors: FieldError[] = mappings.flatMap((mapping, m) =>
    mapping.teamIds.flatMap((teamId, t) => {
      const team = teams.get(teamId);
      const path = `groupMappings.${m}.teamIds.${t}`;
      if (!team) return [{ path, message: `Group ${mapping.groupId} is mapped to a team that does not exist` }];
      if (teamStatus(team) === 'closed') return [{ path, message: `Group ${mapping.groupId} is mapped to ${team.name}, which is closed` }];
      return [];
    }),
  );
  if (errors.length) throw new ApiError('validation', 'A group is mapped to a team that does not exist or is closed', { errors, reason: 'team-not-open' });
}
