/** Checks every audit change makes before writing: the pinned template, the version read, the lifecycle. */
import type { AuditEvent } from '@waypoint/shared/audits/audit-lifecycle';
import { AUDIT_STATE_LABELS, type Audit, type AuditState } from '@waypoint/shared/audits/audit-schemas';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { getTemplateVersion } from '../templates/template-store.ts';

/** The exact version the audit started on; never the newest. */
export async function pinnedTemplate(tenant: TenantContext, audit: Pick<Audit, 'templateId' | 'templateVersion'>): Promise<TemplateVersion> {
  const template = await getTemplateVersion(tenant, audit.templateId, audit.templateVersion);
  // Versions are never deleted, so this is a broken invariant, not bad input.
  if (!template) throw new Error(`Template ${audit.templateId} version ${audit.templateVersion} is missing`);
  return template;
}

/** Checked before the lifecycle, so a caller who read an old version learns that first. */
export function requireCurrentVersion(audit: Pick<Audit, 'version'>, expectedVersion: number): void {
  if (audit.version !== expectedVersion) {
    throw new ApiError('precondition-failed', `The audit was changed by someone else (now version ${audit.version}); read it again and reapply your change`);
  }
}

const MOVE_DETAIL: Record<AuditEvent, string> = {
  save: 'cannot be changed (a completed audit can be reopened by QA)',
  complete: 'cannot be completed; only an audit in progress can',
  cancel: 'cannot be cancelled; only a planned audit or one in progress can',
  reopen: 'cannot be reopened; only a completed audit can',
};

/** The state the lifecycle moves to, or 409 when it forbids the move. */
export function requireMove(next: AuditState | undefined, from: AuditState, event: AuditEvent): AuditState {
  if (next === undefined) throw new ApiError('conflict', `The audit is ${AUDIT_STATE_LABELS[from].toLowerCase()} and ${MOVE_DETAIL[event]}`);
  return next;
}
