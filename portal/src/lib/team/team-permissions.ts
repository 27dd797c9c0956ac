/** Who reads team pages, as the API allows: team managers (their own teams), QA officers and senior managers (any team). */
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export function canReadTeamPages(role: Role): boolean {
  return isStaffRole(role) && (role === 'manager' || role === 'qa' || role === 'senior');
}

/** Managers see their own teams; QA officers and senior managers choose from all of them. */
export function readsEveryTeam(role: Role): boolean {
  return role === 'qa' || role === 'senior';
}
