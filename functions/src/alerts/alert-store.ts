/**
 * Safety alerts in DynamoDB: one item per response that raised one (the alert id is the
 * response id), indexed for the tenant (GSI1) and the team (GSI2), open before closed.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { OPEN_ALERT_STATUSES, type AlertAction, type AlertStatus, type AuditAlert, type EngagementAlert, type SafetyAlert } from '@waypoint/shared/engagement/alert-schemas';
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
export async function putNewAlert(tenant: TenantContext, alert: SafetyAlert, expiresAt?: number): Promise<boolean> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...alert, ...(expiresAt === undefined ? {} : { [EXPIRY_ATTRIBUTE]: expiresAt }), ...tenant.keys.alert(alert.id), ...indexEntries(tenant, alert) },
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
export async function replaceAlertFields<A extends SafetyAlert>(tenant: TenantContext, current: A, changes: Partial<Pick<EngagementAlert, 'reasons' | 'status'> & Pick<AuditAlert, 'sections'>>, at: string): Promise<A | undefined> {
  const next = { ...current, ...changes };
  const index = indexEntries(tenant, next);
  const field = 'sections' in changes ? 'sections' : 'reasons';
  const sets = [`${field} = :listed`, '#status = :status', 'updatedAt = :at', '#version = #version + :one', 'GSI1SK = :g1'];
  const values: Record<string, unknown> = { ':listed': (next as unknown as Record<string, unknown>)[field], ':status': next.status, ':at': at, ':one': 1, ':expected': current.version, ':g1': index.GSI1SK };
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
    return view(Attributes ?? {}) as A;
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
  // A closed alert is no longer waiting for anyone, so it leaves the dashboard's escalated list.
  const removes = status === 'closed' ? ' REMOVE GSI3PK, GSI3SK' : '';
  const { Attributes } = await tenant.db.send(
    new UpdateCommand({
      TableName: tenant.tableName,
      Key: tenant.keys.alert(current.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes}`,
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

/**
 * Records the first acknowledgement of an audit alert (a new alert is then in hand) and takes
 * it off the escalated list; undefined when someone acknowledged it first.
 */
export async function acknowledgeAlert(tenant: TenantContext, current: AuditAlert, byId: string, at: string): Promise<AuditAlert | undefined> {
  const status: AlertStatus = current.status === 'new' ? 'in-hand' : current.status;
  const index = indexEntries(tenant, { ...current, status });
  try {
    const { Attributes } = await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.alert(current.id),
        UpdateExpression: 'SET acknowledgedAt = :at, acknowledgedById = :by, #status = :status, updatedAt = :at, #version = #version + :one, GSI1SK = :g1, GSI2SK = :g2 REMOVE GSI3PK, GSI3SK',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acknowledgedAt)',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':at': at, ':by': byId, ':status': status, ':one': 1, ':g1': index.GSI1SK, ':g2': index.GSI2SK },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return view(Attributes ?? {}) as AuditAlert;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Marks an audit alert escalated, once: false when it was escalated or acknowledged meanwhile. */
export async function markEscalated(tenant: TenantContext, alert: AuditAlert, at: string): Promise<boolean> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.alert(alert.id),
        UpdateExpression: 'SET escalatedAt = :at, GSI3PK = :g3pk, GSI3SK = :g3sk',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(escalatedAt) AND attribute_not_exists(acknowledgedAt)',
        ExpressionAttributeValues: { ':at': at, ':g3pk': tenant.keys.escalatedAlertIndexEntries(alert).GSI3PK, ':g3sk': tenant.keys.escalatedAlertIndexEntries(alert).GSI3SK },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Open audit alerts nobody has acknowledged or escalated yet (the escalation job's work list; open alerts are few). */
export async function unacknowledgedAuditAlerts(tenant: TenantContext): Promise<AuditAlert[]> {
  const found: AuditAlert[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :open)',
        FilterExpression: '#source = :audit AND attribute_not_exists(acknowledgedAt) AND attribute_not_exists(escalatedAt)',
        ExpressionAttributeNames: { '#source': 'source' },
        ExpressionAttributeValues: { ':pk': tenant.keys.alertsByStatus(true).GSI1PK, ':open': 'OPEN#', ':audit': 'audit' },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []).map((item) => view(item) as AuditAlert));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/**
 * How many escalated audit alerts are still not acknowledged (and not closed), for the whole
 * authority or narrowed, as the dashboard is, to a team and a case type (the audited case's).
 */
export async function countEscalatedAlerts(tenant: TenantContext, filters: { teamId?: string; caseType?: string } = {}): Promise<number> {
  const conditions = [...(filters.teamId ? ['teamId = :team'] : []), ...(filters.caseType ? ['caseType = :caseType'] : [])];
  const values = { ':pk': tenant.keys.escalatedAlerts().GSI3PK, ...(filters.teamId ? { ':team': filters.teamId } : {}), ...(filters.caseType ? { ':caseType': filters.caseType } : {}) };
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
