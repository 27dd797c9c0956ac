/** Who may see the monthly programme and handle samples, as the API's programme routes allow. */
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

/** Team managers see their own month; QA officers and senior managers every team's. */
export function canReadProgramme(role: Role): boolean {
  return role === 'manager' || role === 'qa' || role === 'senior';
}

/** A team manager proposes, swaps and accepts their own sample; a QA officer any manager's. */
export function canHandleSample(role: Role, options: { viewerId: string; managerId: string }): boolean {
  if (!isStaffRole(role)) return false;
  if (role === 'qa') return true;
  return role === 'manager' && options.viewerId === options.managerId;
}

/** QA officers and senior managers read the programme across teams rather than one manager's month. */
export function seesWholeProgramme(role: Role): boolean {
  return role === 'qa' || role === 'senior';
}
