/** Who has a learning record to read: the staff whose practice is audited (and students); managers read their team members' too. */
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export function hasOwnLearning(role: Role): boolean {
  return isStaffRole(role) && (role === 'practitioner' || role === 'student' || role === 'manager');
}

/** Managers pick a team member; nobody else lists anyone's record (no list ranks people). */
export function listsTeamLearning(role: Role): boolean {
  return role === 'manager';
}
