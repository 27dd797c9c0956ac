/**
 * Moving an audit through its lifecycle: complete (every required answer present; the
 * grades are then locked), cancel (with a reason), and reopen (QA only, with a reason,
 * back to in progress). Each needs If-Match; a move the lifecycle forbids is 409.
 */
import { Hono, type Context } from 'hono';
import { nextAuditState, type AuditEvent } from '@waypoint/shared/audits/audit-lifecycle';
import { AUDIT_REOPENERS } from '@waypoint/shared/audits/audit-roles';
import { AuditId, CancelAuditBody, ReopenAuditBody, type Audit } from '@waypoint/shared/audits/audit-schemas';
import { missingAnswers } from '@waypoint/shared/templates/answer-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { forbidden, ApiError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { pinnedTemplate, requireCurrentVersion, requireMove } from './audit-guards.ts';
import { afterAuditCompleted } from './audit-completion-hooks.ts';
import { alertSafeguarding, notifyAuditCompleted } from './audit-notifications.ts';
import { findVisibleAudit, requireAuditRunner } from './audit-scope.ts';
import { updateAudit } from './audit-store.ts';

export const auditLifecycleRoutes = new Hono<AppEnv>();

/** The audit, once the caller may see and move it, with the version they read. */
async function prepareMove(c: Context<AppEnv>, event: AuditEvent) {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const viewer = await caseViewer(tenant, staff);
  const current = await findVisibleAudit(tenant, viewer, id);
  if (event === 'reopen') {
    if (!AUDIT_REOPENERS.includes(staff.role)) throw forbidden('Only QA officers reopen a completed audit');
  } else requireAuditRunner(viewer, current);
  const expectedVersion = requireIfMatch(c);
  return { current, expectedVersion };
}

function checkMove(current: Audit, expectedVersion: number, event: AuditEvent) {
  requireCurrentVersion(current, expectedVersion);
  return requireMove(nextAuditState(current.state, event), current.state, event);
}

async function finishMove(c: Context<AppEnv>, options: { current: Audit; expectedVersion: number; changes: Record<string, unknown> }) {
  const { tenant, staff } = c.var;
  const at = clock.nowIso();
  const { before, after } = await updateAudit({ tenant, current: options.current, expectedVersion: options.expectedVersion, changes: options.changes, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'audit', entityId: after.id, versionBefore: before.version, versionAfter: after.version, at, changes: Object.keys(options.changes).sort() });
  return { after, at };
}

auditLifecycleRoutes.post('/:id/complete', async (c) => {
  const { current, expectedVersion } = await prepareMove(c, 'complete');
  const state = checkMove(current, expectedVersion, 'complete');
  const template = await pinnedTemplate(c.var.tenant, current);
  const missing = missingAnswers(template, current.answers);
  if (!current.conversationDate) missing.unshift({ path: 'conversationDate', message: 'Record the date of the audit conversation before completing' });
  if (missing.length) throw new ApiError('validation', `The audit cannot be completed: ${missing.length} required answer${missing.length === 1 ? ' is' : 's are'} missing`, { errors: missing });
  const { after, at } = await finishMove(c, { current, expectedVersion, changes: { state, completedAt: clock.nowIso(), completedById: c.var.staff.userId } });
  await notifyAuditCompleted(c.var.tenant, after, at);
  await alertSafeguarding(c.var.tenant, c.var.staff, after, template, at);
  await afterAuditCompleted(c.var.tenant, c.var.staff, after, at);
  setEtag(c, after.version);
  return c.json(after);
});

auditLifecycleRoutes.post('/:id/cancel', async (c) => {
  const { current, expectedVersion } = await prepareMove(c, 'cancel');
  const body = await readJsonBody(c, CancelAuditBody);
  const state = checkMove(current, expectedVersion, 'cancel');
  const { after } = await finishMove(c, { current, expectedVersion, changes: { state, cancelReason: body.reason, cancelledAt: clock.nowIso(), cancelledById: c.var.staff.userId } });
  setEtag(c, after.version);
  return c.json(after);
});

auditLifecycleRoutes.post('/:id/reopen', async (c) => {
  const { current, expectedVersion } = await prepareMove(c, 'reopen');
  const body = await readJsonBody(c, ReopenAuditBody);
  const state = checkMove(current, expectedVersion, 'reopen');
  const reopenings = [...current.reopenings, { at: clock.nowIso(), byId: c.var.staff.userId, reason: body.reason }];
  const { after } = await finishMove(c, { current, expectedVersion, changes: { state, reopenings, completedAt: null, completedById: null } });
  setEtag(c, after.version);
  return c.json(after);
});
