/**
 * Actions in DynamoDB, each in its own partition, indexed by owner and team (open ones by
 * due date) and by the case and source they came from.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { OPEN_ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, withoutKeys } from '../platform/database/versioned-items.ts';

export function getAction(tenant: TenantContext, actionId: string): Promise<Action | undefined> {
  return getItem<Action>(tenant, tenant.keys.action(actionId));
}

/** Index entries follow the action's owner, team and state; closed actions leave the open range. */
export function actionIndexAttributes(tenant: TenantContext, action: Action) {
  const closedOn = OPEN_ACTION_STATES.includes(action.state) ? undefined : action.updatedAt.slice(0, 10);
  return tenant.keys.actionIndexEntries({ id: action.id, ownerId: action.ownerId, teamId: action.teamId, caseRef: action.caseRef, dueDate: action.dueDate, closedOn, source: action.source });
}

export async function putNewAction(tenant: TenantContext, action: Action): Promise<void> {
  await createItem({ tenant, key: tenant.keys.action(action.id), item: { ...action, ...actionIndexAttributes(tenant, action) }, what: 'action' });
}

/** The actions raised from one audit, in the order they were raised (ids are ULIDs). */
export async function listActionsForAudit(tenant: TenantContext, caseRef: string, auditId: string): Promise<Action[]> {
  const key = tenant.keys.actionsByAudit(caseRef, auditId);
  const actions: Action[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND begins_with(GSI3SK, :prefix)',
        ExpressionAttributeValues: { ':pk': key.GSI3PK, ':prefix': key.GSI3SK },
        ExclusiveStartKey: start,
      }),
    );
    actions.push(...(result.Items ?? []).map((item) => withoutKeys<Action>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return actions;
}
