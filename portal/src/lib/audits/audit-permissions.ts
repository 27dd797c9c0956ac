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
  /** Book, move or cancel the meeting for the conversation. */
  arrangeMeeting: boolean;
}

type MeetingFields = Pick<Audit, 'state'> & Partial<Pick<Audit, 'auditorId' | 'teamId'>>;

function mayArrange(viewer: Viewer, audit: MeetingFields, currentCaseTeamId?: string): boolean {
  if (!isEditable(audit.state) || audit.auditorId === undefined || audit.teamId === undefined) return false;
  return mayArrangeMeeting({ ...viewer, teamIds: viewer.teamIds ?? [] }, { auditorId: audit.auditorId, teamId: audit.teamId }, currentCaseTeamId);
}

/**
 * Whether the case's team now could change what this person may do: only for a manager of
 * another team than the audit's, who did not run it. Pages read the case only then.
 */
export function needsCurrentCaseTeam(viewer: Viewer, audit: MeetingFields): boolean {
  return viewer.role === 'manager' && isEditable(audit.state) && audit.auditorId !== undefined && audit.teamId !== undefined && !mayArrange(viewer, audit);
}

/** `currentCaseTeamId`, the team the case is in now, when {@link needsCurrentCaseTeam} asked for it: the API lets that team's managers book the meeting too. */
export function auditPermissions(viewer: Viewer, audit: Pick<Audit, 'state' | 'caseHolderId' | 'studentId'> & Partial<Pick<Audit, 'auditorId' | 'teamId' | 'reviewId'>>, currentCaseTeamId?: string): AuditPermissions {
  const runner = canRunAudits(viewer.role);
  // A thematic review's reviewer runs their own review audit whatever their role, as the API allows.
  const reviewer = audit.reviewId !== undefined && audit.auditorId === viewer.userId;
  return {
    edit: (runner || reviewer) && isEditable(audit.state),
    cancel: (runner || reviewer) && (audit.state === 'planned' || audit.state === 'in-progress'),
    reopen: isStaffRole(viewer.role) && AUDIT_REOPENERS.includes(viewer.role) && audit.state === 'completed',
    raiseActions: runner && audit.state !== 'cancelled',
    reflectAs: reflectionRoleOf(audit, viewer.userId),
    arrangeMeeting: mayArrange(viewer, audit, currentCaseTeamId),
  };
}
