/**
 * `PUT /v1/actions/{id}/impact`: the re-audit of a case asks, of each action the previous
 * audit raised, whether it made a difference for the child. The answer is kept on the action
 * (with the re-audit that gave it), shows on both audits' read views and counts in the
 * service view. Whoever may run the re-audit answers; If-Match as for any change.
 */
import { Hono } from 'hono';
import { ActionImpactBody } from '@waypoint/shared/actions/action-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { canSeeAuditNow, requireAuditRunner } from '../audits/audit-scope.ts';
import { getAudit } from '../audits/audit-store.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { actionDetail, findVisibleAction } from './action-scope.ts';
import { updateAction } from './action-store.ts';

export const actionImpactRoutes = new Hono<AppEnv>();

actionImpactRoutes.put('/:id/impact', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  const viewer = await caseViewer(tenant, staff);
  const current = await findVisibleAction(tenant, viewer, id);
  requireAuditRunner(viewer);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, ActionImpactBody);
  const reaudit = await getAudit(tenant, body.reauditId);
  const follows = reaudit !== undefined && current.source.type === 'audit' && reaudit.reauditOf === current.source.auditId && (await canSeeAuditNow(tenant, viewer, reaudit));
  if (!reaudit || !follows) throw new ApiError('validation', 'Answer from the re-audit of the audit that raised the action', { errors: [{ path: 'reauditId', message: 'No re-audit of this action’s audit' }] });
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The action was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  if (current.state === 'cancelled') throw new ApiError('conflict', 'The action was cancelled, so there is no difference to judge');
  if (reaudit.state === 'cancelled') throw new ApiError('conflict', 'The re-audit was cancelled; answer from a live re-audit');
  const at = clock.nowIso();
  const impact = { reauditId: reaudit.id, difference: body.difference, ...(body.comment ? { comment: body.comment } : {}), byId: staff.userId, at };
  const { before, after } = await updateAction({ tenant, current, expectedVersion, changes: { impact }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'action', entityId: after.id, versionBefore: before.version, versionAfter: after.version, at, changes: ['impact'] });
  setEtag(c, after.version);
  return c.json(await actionDetail(tenant, viewer, after));
});
