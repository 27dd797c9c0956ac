/** Staff roles within a tenant, and the platform operator who belongs to none. */

export const STAFF_ROLES = ['student', 'practitioner', 'manager', 'qa', 'senior', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const OPERATOR_ROLE = 'operator';
export type Role = StaffRole | typeof OPERATOR_ROLE;

export const ROLE_LABELS: Record<Role, string> = {
  student: 'Student social worker',
  practitioner: 'Practitioner',
  manager: 'Team manager',
  qa: 'QA officer',
  senior: 'Senior manager',
  admin: 'Tenant admin',
  operator: 'Platform operator',
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * Which cases a role sees. Practitioners and students see the cases they work on,
 * managers their teams', QA and senior managers the whole tenant; tenant admins manage
 * the authority's set-up and see no case data.
 */
export type CaseScope = 'own' | 'student' | 'team' | 'tenant' | 'none';

export function caseScopeOf(role: StaffRole): CaseScope {
  switch (role) {
    case 'practitioner':
      return 'own';
    case 'student':
      return 'student';
    case 'manager':
      return 'team';
    case 'qa':
    case 'senior':
      return 'tenant';
    case 'admin':
      return 'none';
  }
}

/** Roles that may create and edit cases (within their scope). */
export const CASE_EDITORS: readonly StaffRole[] = ['manager', 'qa', 'senior'];
/** Roles that may read the tenant's activity log. */
export const ACTIVITY_READERS: readonly StaffRole[] = ['qa', 'senior', 'admin'];
