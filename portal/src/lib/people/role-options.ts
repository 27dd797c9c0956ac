/** The roles an admin can give, each with what it lets the person see, in the words of the README's table. */
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@waypoint/shared/tenancy/roles';

const ROLE_HINTS: Record<StaffRole, string> = {
  student: 'Sees the cases they work on',
  practitioner: 'Sees the cases they hold',
  manager: 'Sees their teams’ cases, runs audits and creates cases',
  qa: 'Sees the whole authority, moderates audits and reads the activity log',
  senior: 'Sees the whole authority and reads the activity log',
  admin: 'Looks after users, teams and settings; sees no case data',
};

export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_HINTS[role] }));
