/**
 * Re-audits: completing an audit graded Inadequate overall plans a re-audit of the case
 * (after the tenant's `reauditAfterMonths`, three by default) for the same auditor, linked
 * to the audit it follows up. The re-audit's read view shows that audit and its actions.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Audit, PreviousAudit, ReauditLink } from '@waypoint/shared/audits/audit-schemas';
import { reauditMonth } from '@waypoint/shared/programme/programme-dates';
import { LATER_SETTING_DEFAULTS } from '@waypoint/shared/settings/settings-schemas';
import { listActionsForAudit } from '../actions/action-store.ts';
import { summaryOf } from '../audits/audit-list.ts';
import { canSeeAuditNow } from '../audits/audit-scope.ts';
import { getAudit } from '../audits/audit-store.ts';
import type { CaseViewer } from '../cases/case-scope.ts';
import { getCase } from '../cases/case-store.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { getSettings } from '../settings/settings-store.ts';
import { planProgrammeAudit, reauditId } from './planned-audits.ts';

/** Plans the re-audit an Inadequate completion calls for; a closed case, and a thematic review's case, is not re-audited. */
export async function scheduleReaudit(tenant: TenantContext, audit: Audit, actor: Pick<StaffCaller, 'userId'>, at: string): Promise<Audit | undefined> {
  // A thematic review's audit looks at a theme, not the whole case: the review's recommendations follow it up instead.
  if (audit.state !== 'completed' || audit.overallGrade !== 'inadequate' || !audit.completedAt || audit.reviewId) return undefined;
  const auditedCase = await getCase(tenant, audit.caseRef);
  if (!auditedCase || auditedCase.status === 'closed') return undefined;
  const months = (await getSettings(tenant))?.reauditAfterMonths ?? LATER_SETTING_DEFAULTS.reauditAfterMonths;
  return planProgrammeAudit({
    tenant,
    id: reauditId(audit.id),
    auditedCase,
    auditorId: audit.auditorId,
    month: reauditMonth(londonDate(new Date(audit.completedAt)), months),
    templateId: audit.templateId,
    createdById: actor.userId,
    at,
    reauditOf: audit.id,
  });
}

/** For a re-audit: the audit it follows up and that audit's actions, when the reader may see that audit. */
export async function previousAuditOf(tenant: TenantContext, viewer: CaseViewer, audit: Audit): Promise<PreviousAudit | null> {
  if (!audit.reauditOf) return null;
  const previous = await getAudit(tenant, audit.reauditOf);
  if (!previous || !(await canSeeAuditNow(tenant, viewer, previous))) return null;
  return { audit: summaryOf(previous), actions: await listActionsForAudit(tenant, previous.caseRef, previous.id) };
}

/** For an audit that has scheduled a re-audit: where it stands (one read of its derived id). */
export async function reauditLinkOf(tenant: TenantContext, audit: Audit): Promise<ReauditLink | null> {
  if (audit.overallGrade !== 'inadequate' && audit.reopenings.length === 0) return null;
  const reaudit = await getAudit(tenant, reauditId(audit.id));
  return reaudit ? { id: reaudit.id, month: reaudit.month, state: reaudit.state } : null;
}
