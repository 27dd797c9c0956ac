/**
 * An action raised from a theme of the shadowing learning view. Like one from feedback it
 * is about the service, never a case or a person: the leader raising it names the team it
 * is for (a team manager, one of their own teams).
 */
import { SHADOWING_LEARNERS } from '@waypoint/shared/shadowing/shadowing-roles';
import { requireRole, type StaffCaller, type TenantContext } from '../platform/auth/caller.ts';
import type { FieldError } from '../platform/http/api-error.ts';
import { getTeam } from '../teams/team-store.ts';
import { getUser } from '../users/user-store.ts';
import type { ActionOrigin } from './action-origin.ts';

export async function shadowingOrigin(options: { tenant: TenantContext; staff: StaffCaller; requestedTeam: string | undefined }): Promise<ActionOrigin> {
  const { tenant, staff, requestedTeam } = options;
  requireRole(staff, SHADOWING_LEARNERS);
  const errors: FieldError[] = [];
  if (requestedTeam === undefined) {
    errors.push({ path: 'teamId', message: 'Choose the team the action is for' });
    return { teamId: undefined, errors };
  }
  const [team, me] = await Promise.all([getTeam(tenant, requestedTeam), getUser(tenant, staff.userId)]);
  if (staff.role === 'manager' && !(me?.teamIds ?? []).includes(requestedTeam)) errors.push({ path: 'teamId', message: 'Choose one of your own teams' });
  else if (!team) errors.push({ path: 'teamId', message: 'No such team' });
  return { teamId: errors.length ? undefined : requestedTeam, errors };
}
