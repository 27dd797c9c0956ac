/**
 * Who sees an action and who may move it. Its owner sees it, and so does whoever manages its
 * team, may see the audit it came from or (for one from feedback) raised it; to anyone else
 * it does not exist (404).
 */
import { isOverdue } from '@waypoint/shared/actions/action-lifecycle';
import { movesFor, type ActionActor, type ActionParties } from '@waypoint/shared/actions/action-roles';
import type { Action, ActionView } from '@waypoint/shared/actions/action-schemas';
import type { ActionMove } from '@waypoint/shared/actions/action-lifecycle';
import { today } from '../audits/audit-checks.ts';
import { canSeeAuditNow } from '../audits/audit-scope.ts';
import { getAudit } from '../audits/audit-store.ts';
import type { CaseViewer } from '../cases/case-scope.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getActivity } from '../engagement/activity-store.ts';
import { notFound } from '../platform/http/api-error.ts';
import { getUser, getUserNames } from '../users/user-store.ts';
import { getAction } from './action-store.ts';

export async function findVisibleAction(tenant: TenantContext, viewer: CaseViewer, id: string): Promise<Action> {
  const action = viewer.scope === 'none' ? undefined : await getAction(tenant, id);
  if (!action) throw notFound('action');
  if (viewer.scope === 'tenant' || action.ownerId === viewer.caller.userId) return action;
  if (viewer.scope === 'team' && viewer.teamIds.includes(action.teamId)) return action;
  if (action.source.type !== 'audit') {
    if (action.raisedById === viewer.caller.userId) return action;
    throw notFound('action');
  }
  const audit = await getAudit(tenant, action.source.auditId);
  if (!audit || !(await canSeeAuditNow(tenant, viewer, audit))) throw notFound('action');
  return action;
}

export function actorOf(viewer: CaseViewer): ActionActor {
  return { userId: viewer.caller.userId, role: viewer.caller.role, teamIds: viewer.teamIds };
}

/**
 * The people an action's rules turn on: its owner's teams now and the auditor. For an action
 * from feedback, whoever raised it (having read the comment) stands where the auditor would.
 */
export async function actionParties(tenant: TenantContext, action: Action): Promise<ActionParties> {
  const source = action.source;
  const [owner, auditorId] = await Promise.all([getUser(tenant, action.ownerId), source.type === 'audit' ? getAudit(tenant, source.auditId).then((a) => a?.auditorId) : Promise.resolve(action.raisedById)]);
  return { action, ownerTeamIds: owner?.teamIds ?? [], auditorId };
}

export function viewOf(action: Action, on = today()): ActionView {
  return { ...action, overdue: isOverdue(action, on) };
}

export interface ActionDetail extends ActionView {
  /** The moves the caller can make now, for offering only the buttons that work. */
  moves: ActionMove[];
  people: Record<string, string>;
  /** For an action from feedback: the title of the activity it came from. */
  activityTitle?: string;
}

/** An action as its own page shows it. */
export async function actionDetail(tenant: TenantContext, viewer: CaseViewer, action: Action): Promise<ActionDetail> {
  const parties = await actionParties(tenant, action);
  const named = [action.ownerId, action.raisedById, action.startedById, action.completedById, action.verifiedById, action.cancelledById, action.impact?.byId, ...(action.reopenings ?? []).map((r) => r.byId), parties.auditorId];
  const people = Object.fromEntries(
    await getUserNames(
      tenant,
      named.filter((id): id is string => typeof id === 'string'),
    ),
  );
  const activityTitle = action.source.type === 'feedback' ? (await getActivity(tenant, action.source.activityId))?.title : undefined;
  return { ...viewOf(action), moves: movesFor(actorOf(viewer), parties), people, ...(activityTitle === undefined ? {} : { activityTitle }) };
}
