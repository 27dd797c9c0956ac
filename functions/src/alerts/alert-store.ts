/**
 * Safety alerts in DynamoDB: one item per response that raised one (the alert id is the
 * response id), indexed for the tenant (GSI1) and the team (GSI2), open before closed.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { OPEN_ALERT_STATUSES, type AlertAction, type AlertStatus, type SafetyAlert } from '@waypoint/shared/engagement/alert-schemas';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { decodeCursor, encodeCursor, requireCursorIn } from '../platform/http/pagination.ts';

type Stored = SafetyAlert & { [EXPIRY_ATTRIBUTE]?: number };

function view(item: Record<string, unknown>): SafetyAlert {
  const { [EXPIRY_ATTRIBUTE]: _expiry, ...alert } = withoutKeys<Stored>(item);
  return alert;
}

function indexEntries(tenant: TenantContext, alert: Pick<SafetyAlert, 'id' | 'raisedAt' | 'status' | 'teamId'>) {
  return tenant.keys.alertIndexEntries({ id: alert.id, raisedAt: alert.raisedAt, open: OPEN_ALERT_STATUSES.includes(alert.status), teamId: alert.teamId });
}

export async function getAlert(tenant: TenantContext, alertId: string): Promise<SafetyAlert | undefined> {
  const item = await getItem<Record<string, unknown>>(tenant, tenant.keys.alert(alertId));
  return item ? view(item) : undefined;
}

/** Creates the alert once; false when it is already there. */
export async function putNewAlert(tenant: TenantContext, alert: SafetyAlert, expiresAt: number): Promise<boolean> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...alert, [EXPIRY_ATTRIBUTE]: expiresAt, ...tenant.keys.alert(alert.id), ...indexEntries(tenant, alert) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Writes new values over an alert still at `expectedVersion`; undefined when someone changed it first. */
export async function replaceAlertFields(tenant: TenantContext, current: SafetyAlert, changes: Partial<Pick<SafetyAlert, 'reasons' | 'status'>>, at: string): Promise<SafetyAlert | undefined> {
  const next = { ...current, ...changes };
  const index = indexEntries(tenant, next);
  const sets = ['reasons = :reasons', '#status = :status', 'updatedAt = :at', '#version = #version + :one', 'GSI1SK = :g1'];
  const values: Record<string, unknown> = { ':reasons': next.reasons, ':status': next.status, ':at': at, ':one': 1, ':expected': current.version, ':g1': index.GSI1SK };
  if (index.GSI2SK) {
    sets.push('GSI2SK = :g2');
    values[':g2'] = index.GSI2SK;
  }
  try {
    const { Attributes } = await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.alert(current.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return view(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Appends what someone did; appends never conflict, so two people recording at once both count. */
export async function appendAlertAction(tenant: TenantContext, current: SafetyAlert, action: AlertAction): Promise<SafetyAlert> {
  const status: AlertStatus = action.status;
  const index = indexEntries(tenant, { ...current, status });
  const sets = ['actions = list_append(if_not_exists(actions, :empty), :action)', '#status = :status', 'updatedAt = :at', '#version = #version + :one', 'GSI1SK = :g1'];
  const values: Record<string, unknown> = { ':action': [action], ':empty': [], ':status': status, ':at': action.at, ':one': 1, ':g1': index.GSI1SK };
  if (index.GSI2SK) {
    sets.push('GSI2SK = :g2');
    values[':g2'] = index.GSI2SK;
  }
  const { Attributes } = await tenant.db.send(
    new UpdateCommand({
      TableName: tenant.tableName,
      Key: tenant.keys.alert(current.id),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return view(Attributes ?? {});
}

/**
 * Newest first, open or closed. The whole authority reads one GSI1 range; a manager reads
 * each of their teams' GSI2 ranges in turn (the cursor records which team it had reached).
 */
export async function listAlerts(options: { tenant: TenantContext; open: boolean; teamIds: string[] | 'all'; limit: number; cursor?: string }) {
  const { tenant } = options;
  const start = decodeCursor(options.cursor, tenant.keys.root);
  const parts = options.teamIds === 'all' ? [{ index: 'GSI1', ...pair('GSI1', tenant.keys.alertsByStatus(options.open)) }] : options.teamIds.map((teamId) => ({ index: 'GSI2', ...pair('GSI2', tenant.keys.alertsByTeam(teamId, options.open)) }));
  const items: SafetyAlert[] = [];
  let part = start?.part ?? 0;
  let position = start?.key;
  while (part < parts.length && items.length < options.limit) {
    const p = parts[part]!;
    requireCursorIn(position, { partitionKey: `${p.index}PK`, partitionValue: p.pk, keyNames: ['PK', 'SK', `${p.index}PK`, `${p.index}SK`], sortKey: { name: `${p.index}SK`, prefix: p.prefix } });
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: p.index,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': `${p.index}PK`, '#sk': `${p.index}SK` },
        ExpressionAttributeValues: { ':pk': p.pk, ':prefix': p.prefix },
        ScanIndexForward: false,
        Limit: options.limit - items.length,
        ExclusiveStartKey: position,
      }),
    );
    items.push(...(result.Items ?? []).map(view));
    position = result.LastEvaluatedKey as Record<string, string> | undefined;
    if (!position) part++;
  }
  const more = position !== undefined || part < parts.length;
  return { items, nextCursor: encodeCursor(more ? { part, key: position } : undefined) };
}

function pair(index: 'GSI1' | 'GSI2', keys: Record<string, string>) {
  return { pk: keys[`${index}PK`]!, prefix: keys[`${index}SK`]! };
}

/** Every alert id of the tenant whose expiry has passed (for retention). */
export async function expiredAlertKeys(tenant: TenantContext, nowSeconds: number): Promise<Record<string, unknown>[]> {
  const keys: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: '#expiry < :now',
        ExpressionAttributeNames: { '#expiry': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':pk': tenant.keys.alertsByStatus(true).GSI1PK, ':now': nowSeconds },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: start,
      }),
    );
    keys.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys;
}
