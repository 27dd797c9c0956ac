/**
 * What the signed-in person may do with an audit, so pages offer only what the API will
 * allow. The API still decides: these only hide what would certainly be refused.
 */
import { isEditable } from '@waypoint/shared/audits/audit-lifecycle';
import { mayArrangeMeeting } from '@waypoint/shared/audits/audit-meeting';
import { AUDIT_READERS, AUDIT_REOPENERS, AUDIT_RUNNERS, reflectionRoleOf } from '@waypoint/shared/audits/audit-roles';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { ReflectionAuthorRole } from '@waypoint/shared/audits/reflection-schemas';
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export interface Viewer {
  role: Role;
  userId: string;
  /** The viewer's teams, when known: booking the meeting depends on them. */
  teamIds?: readonly string[];
}

export function canReadAudits(role: Role): boolean {
  return isStaffRole(role) && AUDIT_READERS.includes(role);
}

export function canRunAudits(role: Role): boolean {
  return isStaffRole(role) && AUDIT_RUNNERS.includes(role);
}

export interface AuditPermissions {
  /** Answer sections, record the conversation, complete. */
  edit: boolean;
  cancel: boolean;
  reopen: boolean;
  raiseActions: boolean;
  /** As whom this person reflects, if they may. */
  reflectAs: ReflectionAuthorRole | undefined;
  /** Book or move the meeting for the conversation (the API also lets managers of the case's team now). */
  arrangeMeeting: boolean;
}

export function auditPermissions(viewer: Viewer, audit: Pick<Audit, 'state' | 'caseHolderId' | 'studentId'> & Partial<Pick<Audit, 'auditorId' | 'teamId'>>): AuditPermissions {
  const runner = canRunAudits(viewer.role);
  return {
    edit: runner && isEditable(audit.state),
    cancel: runner && (audit.state === 'planned' || audit.state === 'in-progress'),
    reopen: isStaffRole(viewer.role) && AUDIT_REOPENERS.includes(viewer.role) && audit.state === 'completed',
    raiseActions: runner && audit.state !== 'cancelled',
    reflectAs: reflectionRoleOf(audit, viewer.userId),
    arrangeMeeting:
      isEditable(audit.state) && audit.auditorId !== undefined && audit.teamId !== undefined && mayArrangeMeeting({ ...viewer, teamIds: viewer.teamIds ?? [] }, { auditorId: audit.auditorId, teamId: audit.teamId }),
  };
}
