/** What makes a team a valid choice: for a person's teams, and for who manages a team. */
import { ROLE_LABELS, type StaffRole } from '@waypoint/shared/tenancy/roles';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import { USER_STATUS_LABELS, type User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { getUser } from '../users/user-store.ts';
import { listTeams } from './team-store.ts';

/** Who may lead a team: team managers, and senior managers who lead one themselves. */
export const TEAM_MANAGER_ROLES: readonly StaffRole[] = ['manager', 'senior'];

/**
 * Every team named must exist in the caller's tenant (one query reads them all), and a team
 * the person is not in already must be open: a closed team takes no new members.
 */
export async function checkMemberTeams(tenant: TenantContext, teamIds: readonly string[], alreadyIn: readonly string[] = []): Promise<void> {
  if (teamIds.length === 0) return;
  const teams = new Map((await listTeams(tenant)).map((t) => [t.id, t]));
  const errors: FieldError[] = teamIds.flatMap((teamId, index) => {
    const team = teams.get(teamId);
    if (!team) return [{ path: `teamIds.${index}`, message: 'No such team' }];
    if (teamStatus(team) === 'closed' && !alreadyIn.includes(teamId)) return [{ path: `teamIds.${index}`, message: `${team.name} is closed` }];
    return [];
  });
  if (errors.length) throw new ApiError('validation', 'The user refers to a team that does not exist or is closed', { errors });
}

/** The person named to lead a team, refused with the reason unless they are an active manager of the authority. */
export async function checkTeamManager(tenant: TenantContext, managerId: string): Promise<User> {
  const refuse = (message: string, reason: string) => new ApiError('validation', message, { errors: [{ path: 'managerId', message }], reason });
  const manager = await getUser(tenant, managerId);
  if (!manager) throw refuse('There is no such person in this authority', 'manager-not-found');
  if (!manager.active) throw refuse(`${manager.name} cannot lead a team: their account is ${USER_STATUS_LABELS[manager.status].toLowerCase()}`, 'manager-not-active');
  if (!TEAM_MANAGER_ROLES.includes(manager.role)) {
    throw refuse(`${manager.name} is a ${ROLE_LABELS[manager.role].toLowerCase()}: a team is led by a team manager or senior manager`, 'manager-role');
  }
  return manager;
}
