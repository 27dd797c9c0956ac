/**
 * Which audits a caller may see and run. QA officers and senior managers see every audit;
 * managers their teams' audits (and any they ran); case holders the audits of their
 * practice and of the cases they hold now; students the audits they took part in; tenant
 * admins none. Out of scope is answered exactly like "does not exist" (404).
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { AUDIT_RUNNERS } from '@waypoint/shared/audits/audit-roles';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { forbidden, notFound } from '../platform/http/api-error.ts';
import type { CaseViewer } from '../cases/case-scope.ts';
import { getCase } from '../cases/case-store.ts';
import { getAudit, getAuditWithReflections, type AuditPartition } from './audit-store.ts';

type AuditScopeFields = Pick<Audit, 'teamId' | 'auditorId' | 'caseHolderId' | 'studentId'>;

/** Judged on the audit alone; `currentCase` widens it to whoever holds or manages the case now. */
export function canSeeAudit(viewer: CaseViewer, audit: AuditScopeFields, currentCase?: Pick<Case, 'teamId' | 'holderId'>): boolean {
  const me = viewer.caller.userId;
  switch (viewer.scope) {
    case 'tenant':
      return true;
    case 'team':
      return viewer.teamIds.includes(audit.teamId) || audit.auditorId === me || (currentCase !== undefined && viewer.teamIds.includes(currentCase.teamId));
    case 'own':
      return audit.caseHolderId === me || audit.auditorId === me || currentCase?.holderId === me;
    case 'student':
      return audit.studentId === me;
    case 'none':
      return false;
  }
}

/** Whether judging needs the case as it is now (only when the audit alone does not decide). */
function mayNeedCase(viewer: CaseViewer): boolean {
  return viewer.scope === 'team' || viewer.scope === 'own';
}

export async function canSeeAuditNow(tenant: TenantContext, viewer: CaseViewer, audit: Audit & AuditScopeFields): Promise<boolean> {
  if (canSeeAudit(viewer, audit)) return true;
  if (!mayNeedCase(viewer)) return false;
  const current = await getCase(tenant, audit.caseRef);
  return current !== undefined && canSeeAudit(viewer, audit, current);
}

/** The audit's whole partition (one query) if the caller may see the audit; otherwise the same 404 as a missing id. */
export async function findVisibleAuditPartition(tenant: TenantContext, viewer: CaseViewer, auditId: string): Promise<AuditPartition> {
  const found = viewer.scope === 'none' ? undefined : await getAuditWithReflections(tenant, auditId);
  if (!found || !(await canSeeAuditNow(tenant, viewer, found.audit))) throw notFound('audit');
  return found;
}

/** The audit if the caller may see it; otherwise the same 404 as a missing id. */
export async function findVisibleAudit(tenant: TenantContext, viewer: CaseViewer, auditId: string): Promise<Audit> {
  const audit = viewer.scope === 'none' ? undefined : await getAudit(tenant, auditId);
  if (!audit || !(await canSeeAuditNow(tenant, viewer, audit))) throw notFound('audit');
  return audit;
}

/**
 * Running an audit (saving, completing, cancelling, raising actions) is for managers, QA and
 * senior managers who can see it; and a thematic review's audit for its reviewer too, whatever
 * their role, since a review invites any member of staff to review cases.
 */
export function requireAuditRunner(viewer: CaseViewer, audit?: Pick<Audit, 'reviewId' | 'auditorId'>): void {
  if (audit?.reviewId !== undefined && audit.auditorId === viewer.caller.userId) return;
  if (!AUDIT_RUNNERS.includes(viewer.caller.role)) throw forbidden('Only team managers, QA officers and senior managers run audits');
}
