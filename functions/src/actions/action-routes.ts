/**
 * `/v1/actions`: raise a remedial action from an audit finding, a feedback comment, a theme
 * of work shadowing, a "no" in a records compliance check or a thematic review's recommendation, and read one. The owner must be active staff in the action's team (an audit's: the case's);
 * the due date today or later. The owner is told.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { CreateActionBody, type Action, type ActionSource } from '@waypoint/shared/actions/action-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { pinnedTemplate } from '../audits/audit-guards.ts';
import { canSeeAuditNow, requireAuditRunner } from '../audits/audit-scope.ts';
import { getAudit } from '../audits/audit-store.ts';
import { caseViewer, type CaseViewer } from '../cases/case-scope.ts';
import { CASE_MOVING_MESSAGE, getCase } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { setEtag } from '../platform/http/versioning.ts';
import { getUser } from '../users/user-store.ts';
import { notifyActionAssigned } from './action-notifications.ts';
import type { ActionOrigin } from './action-origin.ts';
import { actionDetail, findVisibleAction } from './action-scope.ts';
import { putNewAction } from './action-store.ts';
import { complianceOrigin } from './compliance-origin.ts';
import { feedbackOrigin } from './feedback-origin.ts';
import { shadowingOrigin } from './shadowing-origin.ts';
import { putShadowingActionPointer } from '../shadowing/shadowing-store.ts';
import { putReviewActionPointer } from '../reviews/review-store.ts';
import { reviewOrigin } from './review-origin.ts';

export const actionRoutes = new Hono<AppEnv>();

type AuditSource = Extract<ActionSource, { type: 'audit' }>;

/** An audit's action is about its case and takes the team that holds the case now. */
async function auditOrigin(tenant: TenantContext, viewer: CaseViewer, source: AuditSource, requestedTeam: string | undefined): Promise<ActionOrigin> {
  const errors: FieldError[] = [];
  const audit = await getAudit(tenant, source.auditId);
  const visible = audit !== undefined && (await canSeeAuditNow(tenant, viewer, audit));
  if (!audit || !visible) throw new ApiError('validation', 'The action refers to an audit that does not exist', { errors: [{ path: 'source.auditId', message: 'No such audit' }] });
  const template = await pinnedTemplate(tenant, audit);
  if (!template.sections.some((s) => s.id === source.sectionId)) errors.push({ path: 'source.sectionId', message: 'No such section in the audit’s template' });
  if (requestedTeam !== undefined) errors.push({ path: 'teamId', message: 'An action from an audit is for the case’s team: leave the team out' });
  const auditedCase = await getCase(tenant, audit.caseRef);
  const caseType = auditedCase?.caseType ?? audit.caseType;
  return {
    caseRef: audit.caseRef,
    teamId: auditedCase?.teamId ?? audit.teamId,
    ...(caseType ? { caseType } : {}),
    errors,
    ...(audit.state === 'cancelled' ? { conflict: 'The audit was cancelled; raise actions from a live audit' } : auditedCase?.referenceMovingTo ? { conflict: CASE_MOVING_MESSAGE } : {}),
  };
}

actionRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  const viewer = await caseViewer(tenant, staff);
  requireAuditRunner(viewer);
  const { teamId: requestedTeam, ...body } = await readJsonBody(c, CreateActionBody);
  const source = body.source;
  const origin =
    source.type === 'audit'
      ? await auditOrigin(tenant, viewer, source, requestedTeam)
      : source.type === 'feedback'
        ? await feedbackOrigin({ tenant, staff, source, requestedTeam })
        : source.type === 'compliance'
          ? await complianceOrigin({ tenant, staff, source, requestedTeam })
          : source.type === 'review'
            ? await reviewOrigin({ tenant, staff, source, requestedTeam })
            : await shadowingOrigin({ tenant, staff, requestedTeam });
  const { errors, teamId } = origin;
  const owner = await getUser(tenant, body.ownerId);
  if (teamId !== undefined && (!owner || !owner.active || !owner.teamIds.includes(teamId))) {
    errors.push({ path: 'ownerId', message: origin.caseRef === undefined ? 'The owner must be an active member of staff in the action’s team' : 'The owner must be an active member of staff in the case’s team' });
  }
  if (body.dueDate < today()) errors.push({ path: 'dueDate', message: 'The due date cannot be in the past' });
  if (errors.length || teamId === undefined) throw new ApiError('validation', `The action has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
  if (origin.conflict) throw new ApiError('conflict', origin.conflict);

  const at = clock.nowIso();
  const action: Action = {
    id: ulid(clock.now().getTime()),
    ...body,
    state: 'open',
    ...(origin.caseRef === undefined ? {} : { caseRef: origin.caseRef }),
    teamId,
    ...(origin.caseType ? { caseType: origin.caseType } : {}),
    raisedById: staff.userId,
    reopenings: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewAction(tenant, action);
  if (action.source.type === 'shadowing') await putShadowingActionPointer(tenant, { actionId: action.id, theme: action.source.theme });
  if (action.source.type === 'review') await putReviewActionPointer(tenant, action.source.reviewId, { actionId: action.id, recommendationId: action.source.recommendationId });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'action', entityId: action.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  if (owner && owner.id !== staff.userId) await notifyActionAssigned(tenant, action, owner, at);
  setEtag(c, 1);
  c.header('Location', `/v1/actions/${action.id}`);
  return c.json(await actionDetail(tenant, viewer, action), 201);
});

actionRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  const viewer = await caseViewer(tenant, staff);
  const action = await findVisibleAction(tenant, viewer, id);
  setEtag(c, action.version);
  return c.json(await actionDetail(tenant, viewer, action));
});
