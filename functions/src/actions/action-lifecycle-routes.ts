/**
 * Moving an action through its lifecycle: start, complete (with the evidence and the day it
 * was done), verify (the owner's manager or the auditor, never the owner), reopen and cancel
 * (each with a reason). Each needs If-Match; who may is checked first (403), then the
 * version (412), then the lifecycle (409). Totals and emails follow the write.
 */
import { Hono, type Context } from 'hono';
import { stateAfterMove, type ActionMove } from '@waypoint/shared/actions/action-lifecycle';
import { moveRefusal } from '@waypoint/shared/actions/action-roles';
import { ACTION_STATE_LABELS, CancelActionBody, CompleteActionBody, ReopenActionBody, VerifyActionBody, type Action } from '@waypoint/shared/actions/action-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type * as v from 'valibot';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { caseViewer } from '../cases/case-scope.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError, forbidden, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { notifyActionDone, notifyOwner } from './action-notifications.ts';
import { actionDetail, actionParties, actorOf, findVisibleAction } from './action-scope.ts';
import { updateAction } from './action-store.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

export const actionLifecycleRoutes = new Hono<AppEnv>();

const MOVE_DETAIL: Record<ActionMove, string> = {
  start: 'cannot be started; only an open action can',
  complete: 'cannot be completed; only an open action or one in progress can',
  verify: 'cannot be verified; only a done action can',
  reopen: 'cannot be reopened; only a done or verified action can',
  cancel: 'cannot be cancelled; only an open action or one in progress can',
};

/** The checks every move makes, in order, before its own; returns what the move needs. */
async function prepare<S extends v.GenericSchema | undefined>(c: Context<AppEnv>, move: ActionMove, schema: S) {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  const viewer = await caseViewer(tenant, staff);
  const current = await findVisibleAction(tenant, viewer, id);
  const expectedVersion = requireIfMatch(c);
  const body = (schema ? await readJsonBody(c, schema) : undefined) as S extends v.GenericSchema ? v.InferOutput<S> : undefined;
  const parties = await actionParties(tenant, current);
  const refusal = moveRefusal(actorOf(viewer), move, parties);
  if (refusal) throw forbidden(refusal);
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The action was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  const next = stateAfterMove(current.state, move);
  if (!next) throw new ApiError('conflict', `The action is ${ACTION_STATE_LABELS[current.state].toLowerCase()} and ${MOVE_DETAIL[move]}`);
  return { viewer, current, expectedVersion, body, next, parties };
}

async function finish(c: Context<AppEnv>, prepared: { viewer: Awaited<ReturnType<typeof caseViewer>>; current: Action; expectedVersion: number }, changes: Partial<Record<keyof Action, unknown>>) {
  const { tenant, staff } = c.var;
  const at = clock.nowIso();
  const { before, after } = await updateAction({ tenant, current: prepared.current, expectedVersion: prepared.expectedVersion, changes, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'action', entityId: after.id, versionBefore: before.version, versionAfter: after.version, at, changes: Object.keys(changes).sort() });
  return { after, at };
}

async function answer(c: Context<AppEnv>, viewer: Awaited<ReturnType<typeof caseViewer>>, action: Action) {
  setEtag(c, action.version);
  return c.json(await actionDetail(c.var.tenant, viewer, action));
}

actionLifecycleRoutes.post('/:id/start', async (c) => {
  const prepared = await prepare(c, 'start', undefined);
  const { after } = await finish(c, prepared, { state: prepared.next, startedAt: clock.nowIso(), startedById: c.var.staff.userId });
  return answer(c, prepared.viewer, after);
});

actionLifecycleRoutes.post('/:id/complete', async (c) => {
  const prepared = await prepare(c, 'complete', CompleteActionBody);
  const { body, current } = prepared;
  const errors: FieldError[] = [];
  const raisedOn = londonDate(new Date(current.createdAt));
  if (body.doneOn > today()) errors.push({ path: 'doneOn', message: 'The day it was done cannot be in the future' });
  else if (body.doneOn < raisedOn) errors.push({ path: 'doneOn', message: `The day it was done cannot be before the action was raised (${formatDate(raisedOn)})` });
  if (errors.length) throw new ApiError('validation', 'The action cannot be completed as given', { errors });
  const { after, at } = await finish(c, prepared, { state: prepared.next, evidence: body.evidence, doneOn: body.doneOn, completedAt: clock.nowIso(), completedById: c.var.staff.userId });
  await notifyActionDone(c.var.tenant, after, prepared.parties.auditorId, at);
  return answer(c, prepared.viewer, after);
});

actionLifecycleRoutes.post('/:id/verify', async (c) => {
  const prepared = await prepare(c, 'verify', VerifyActionBody);
  const { after, at } = await finish(c, prepared, { state: prepared.next, verifiedAt: clock.nowIso(), verifiedById: c.var.staff.userId, verificationNote: prepared.body.note || null });
  await notifyOwner(c.var.tenant, after, 'verified', at);
  return answer(c, prepared.viewer, after);
});

actionLifecycleRoutes.post('/:id/reopen', async (c) => {
  const prepared = await prepare(c, 'reopen', ReopenActionBody);
  const { current } = prepared;
  const reopening = { at: clock.nowIso(), byId: c.var.staff.userId, reason: prepared.body.reason, ...(current.evidence ? { evidence: current.evidence } : {}), ...(current.doneOn ? { doneOn: current.doneOn } : {}) };
  const { after, at } = await finish(c, prepared, {
    state: prepared.next,
    reopenings: [...(current.reopenings ?? []), reopening],
    evidence: null,
    doneOn: null,
    completedAt: null,
    completedById: null,
    verifiedAt: null,
    verifiedById: null,
    verificationNote: null,
  });
  await notifyOwner(c.var.tenant, after, 'reopened', at);
  return answer(c, prepared.viewer, after);
});

actionLifecycleRoutes.post('/:id/cancel', async (c) => {
  const prepared = await prepare(c, 'cancel', CancelActionBody);
  const { after } = await finish(c, prepared, { state: prepared.next, cancelReason: prepared.body.reason, cancelledAt: clock.nowIso(), cancelledById: c.var.staff.userId });
  return answer(c, prepared.viewer, after);
});
