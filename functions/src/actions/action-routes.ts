/**
 * `/v1/actions`: raise a remedial action from an audit finding, and read one. The owner
 * must be active staff in the case's team; the due date today or later. The owner is told.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { CreateActionBody, type Action } from '@waypoint/shared/actions/action-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { pinnedTemplate } from '../audits/audit-guards.ts';
import { canSeeAuditNow, requireAuditRunner } from '../audits/audit-scope.ts';
import { getAudit } from '../audits/audit-store.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { getCase } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { setEtag } from '../platform/http/versioning.ts';
import { getUser } from '../users/user-store.ts';
import { notifyActionAssigned } from './action-notifications.ts';
import { actionDetail, findVisibleAction } from './action-scope.ts';
import { putNewAction } from './action-store.ts';

export const actionRoutes = new Hono<AppEnv>();

actionRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  const viewer = await caseViewer(tenant, staff);
  requireAuditRunner(viewer);
  const body = await readJsonBody(c, CreateActionBody);
  const errors: FieldError[] = [];
  const audit = await getAudit(tenant, body.source.auditId);
  const visible = audit !== undefined && (await canSeeAuditNow(tenant, viewer, audit));
  if (!audit || !visible) throw new ApiError('validation', 'The action refers to an audit that does not exist', { errors: [{ path: 'source.auditId', message: 'No such audit' }] });
  const template = await pinnedTemplate(tenant, audit);
  if (!template.sections.some((s) => s.id === body.source.sectionId)) errors.push({ path: 'source.sectionId', message: 'No such section in the audit’s template' });
  const auditedCase = await getCase(tenant, audit.caseRef);
  const teamId = auditedCase?.teamId ?? audit.teamId;
  const owner = await getUser(tenant, body.ownerId);
  if (!owner || !owner.active || !owner.teamIds.includes(teamId)) errors.push({ path: 'ownerId', message: 'The owner must be an active member of staff in the case’s team' });
  if (body.dueDate < today()) errors.push({ path: 'dueDate', message: 'The due date cannot be in the past' });
  if (errors.length) throw new ApiError('validation', `The action has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
  if (audit.state === 'cancelled') throw new ApiError('conflict', 'The audit was cancelled; raise actions from a live audit');

  const at = clock.nowIso();
  const action: Action = {
    id: ulid(clock.now().getTime()),
    ...body,
    state: 'open',
    caseRef: audit.caseRef,
    teamId,
    caseType: auditedCase?.caseType ?? audit.caseType,
    raisedById: staff.userId,
    reopenings: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewAction(tenant, action);
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
