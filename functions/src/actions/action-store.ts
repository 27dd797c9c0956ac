/**
 * Actions in DynamoDB, each in its own partition, indexed by owner and team (open ones by
 * due date) and by the case and source they came from. After each write, in an order safe
 * to repeat: the copy beside its audit (audit-action-copies.ts), the open-actions entry
 * (deterministic key), then the monthly totals.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { OPEN_ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';
import { recordActionTotals } from '../totals/action-totals.ts';
import { syncOpenAction } from '../totals/open-actions.ts';
import { copyActionBesideAudit } from './audit-action-copies.ts';

export function getAction(tenant: TenantContext, actionId: string): Promise<Action | undefined> {
  return getItem<Action>(tenant, tenant.keys.action(actionId));
}

/** Index entries follow the action's owner, team and state; closed actions leave the open range. */
export function actionIndexAttributes(tenant: TenantContext, action: Action) {
  const closedOn = OPEN_ACTION_STATES.includes(action.state) ? undefined : action.updatedAt.slice(0, 10);
  return tenant.keys.actionIndexEntries({ id: action.id, ownerId: action.ownerId, teamId: action.teamId, caseRef: action.caseRef, dueDate: action.dueDate, closedOn, source: action.source });
}

/** What follows every write of an action; each step can run again without harm. */
async function afterActionWritten(tenant: TenantContext, action: Action, totals = true): Promise<void> {
  await copyActionBesideAudit(tenant, action);
  await syncOpenAction(tenant, action);
  if (totals) await recordActionTotals(tenant, action);
}

/** Conditional on absence; `totals: false` leaves the totals to a rebuild the caller runs (the demo seed). */
export async function putNewAction(tenant: TenantContext, action: Action, options: { totals?: boolean } = {}): Promise<void> {
  await createItem({ tenant, key: tenant.keys.action(action.id), item: { ...action, ...actionIndexAttributes(tenant, action) }, what: 'action' });
  await afterActionWritten(tenant, action, options.totals !== false);
}

/** A change conditional on the version the caller read; `null` removes a field. */
export async function updateAction(options: { tenant: TenantContext; current: Action; expectedVersion: number; changes: Partial<Record<keyof Action, unknown>>; at: string }) {
  const { tenant, current } = options;
  const next = { ...current, ...options.changes, updatedAt: options.at } as Action;
  const result = await updateVersioned<Action>({
    tenant,
    key: tenant.keys.action(current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes, ...actionIndexAttributes(tenant, next) },
    at: options.at,
    what: 'action',
  });
  await afterActionWritten(tenant, result.after);
  return result;
}

/** Every item of one index partition (optionally a sort-key prefix), in key order. */
async function readIndex<T>(tenant: TenantContext, index: 'GSI1' | 'GSI2' | 'GSI3', partition: string, prefix?: string): Promise<T[]> {
  const found: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: index,
        KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}PK`, ...(prefix ? { '#sk': `${index}SK` } : {}) },
        ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<T>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/** The actions raised from one audit, in the order they were raised (ids are ULIDs). */
export function listActionsForAudit(tenant: TenantContext, caseRef: string, auditId: string): Promise<Action[]> {
  const key = tenant.keys.actionsByAudit(caseRef, auditId);
  return readIndex<Action>(tenant, 'GSI3', key.GSI3PK, key.GSI3SK);
}

/** Every action raised on a case, grouped by the audit it came from. */
export function listActionsForCase(tenant: TenantContext, caseRef: string): Promise<Action[]> {
  return readIndex<Action>(tenant, 'GSI3', tenant.keys.actionsByCase(caseRef).GSI3PK);
}

/** Everything a person owns: open ones by due date, then closed ones by when they closed. */
export function listActionsOwnedBy(tenant: TenantContext, userId: string): Promise<Action[]> {
  return readIndex<Action>(tenant, 'GSI1', tenant.keys.actionsByOwner(userId).GSI1PK);
}

/** Every action of a team, open and closed, for the reconcile job. */
export function listActionsOfTeam(tenant: TenantContext, teamId: string): Promise<Action[]> {
  return readIndex<Action>(tenant, 'GSI2', tenant.keys.actionsByTeam(teamId).GSI2PK);
}
