/**
 * Who may do what with audits. Managers run audits for their teams' cases, QA officers
 * and senior managers for any; only QA reopens a completed audit. Case holders and
 * students read and reflect; tenant admins see no audits.
 */
import type { StaffRole } from '../tenancy/roles.ts';
import type { ReflectionAuthorRole } from './reflection-schemas.ts';
import type { Audit } from './audit-schemas.ts';

export const AUDIT_READERS: readonly StaffRole[] = ['student', 'practitioner', 'manager', 'qa', 'senior'];
/** Create audits, save answers, complete, cancel and raise actions (within their scope). */
export const AUDIT_RUNNERS: readonly StaffRole[] = ['manager', 'qa', 'senior'];
export const AUDIT_REOPENERS: readonly StaffRole[] = ['qa'];

/**
 * Whether this person may add a reflection, and as whom: the audit's case holder, or the
 * student who took part. Not the case holder's role: whoever held the case at the audit.
 */
export function reflectionRoleOf(audit: Pick<Audit, 'caseHolderId' | 'studentId' | 'state'>, userId: string): ReflectionAuthorRole | undefined {
  if (audit.state === 'cancelled') return undefined;
  if (audit.caseHolderId === userId) return 'case-holder';
  if (audit.studentId === userId) return 'student';
  return undefined;
}
