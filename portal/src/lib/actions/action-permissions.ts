/** Which action lists each role can use, so the navigation and pages offer only what the API allows. */
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';
import { canReadAudits } from '../audits/audit-permissions.ts';

/** Anyone who reads audits may own actions, so has "my actions". */
export function canReadActions(role: Role): boolean {
  return canReadAudits(role);
}

/** Managers see their teams' actions; QA officers and senior managers any team's. */
export function canReadTeamActions(role: Role): boolean {
  return isStaffRole(role) && (role === 'manager' || role === 'qa' || role === 'senior');
}

/** Whether a team filter means anything: more than one team in view. */
export function offersTeamFilter(role: Role, teamCount: number): boolean {
  return role === 'qa' || role === 'senior' || teamCount > 1;
}
