/**
 * How big an authority is, for the platform operator: people on record, cases, audits this
 * year and feedback responses sent. Counts only, read from counters, never from the case data
 * itself: people, cases and sent responses are counted with `UpdateItem ADD` on one `SIZE`
 * item as each is created; audits come from the monthly totals the dashboards read. The
 * reconcile job recounts the `SIZE` item from the sources.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { counter } from '@waypoint/shared/dashboards/totals-counters';
import type { TenantSize } from '@waypoint/shared/tenancy/tenant-schemas';
import { getActivityCounts, listActivityIds } from '../engagement/activity-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { logger } from '../platform/logging/logger.ts';

type Counted = 'users' | 'cases' | 'responses';

/**
 * Adds to one of the counts after the thing it counts was written. The count is derived, so a
 * failure is logged rather than failing a change that is already saved; the reconcile repairs it.
 */
export async function countInTenantSize(tenant: TenantContext, what: Counted, by = 1): Promise<void> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.size(),
        UpdateExpression: 'ADD #what :by',
        ExpressionAttributeNames: { '#what': what },
        ExpressionAttributeValues: { ':by': by },
      }),
    );
  } catch (error) {
    logger.error('tenant size not counted', { what, error: error instanceof Error ? error.name : 'unknown' });
  }
}

/** The counts, with audits summed over this year's months (`year` as `YYYY`) from the monthly totals. */
export async function readTenantSize(tenant: TenantContext, year: string): Promise<TenantSize> {
  const range = tenant.keys.totalsRange({}, `${year}-01`, `${year}-12`);
  const [{ Item: size }, months] = await Promise.all([
    tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: tenant.keys.size() })),
    tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': range.PK, ':from': range.from, ':to': range.to },
        ProjectionExpression: '#due',
        ExpressionAttributeNames: { '#due': counter.auditsDue },
      }),
    ),
  ]);
  const count = (name: Counted) => (typeof size?.[name] === 'number' ? (size[name] as number) : 0);
  const auditsThisYear = (months.Items ?? []).reduce((sum, item) => sum + (typeof item[counter.auditsDue] === 'number' ? (item[counter.auditsDue] as number) : 0), 0);
  return { users: count('users'), cases: count('cases'), auditsThisYear, responses: count('responses') };
}

async function countOf(tenant: TenantContext, input: Omit<QueryCommandInput, 'TableName' | 'Select'>): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(new QueryCommand({ ...input, TableName: tenant.tableName, Select: 'COUNT', ExclusiveStartKey: start }));
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

/** Counts people, cases and sent responses again from their sources and replaces the `SIZE` item (the reconcile job). */
export async function recountTenantSize(tenant: TenantContext): Promise<Record<Counted, number>> {
  const users = tenant.keys.usersPrefix();
  const activityIds = await listActivityIds(tenant);
  const [userCount, caseCount, ...sent] = await Promise.all([
    countOf(tenant, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': users.PK, ':prefix': users.SK } }),
    countOf(tenant, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.casesByTeam().GSI1PK } }),
    ...activityIds.map(async (id) => (await getActivityCounts(tenant, id)).submitted),
  ]);
  const counts = { users: userCount, cases: caseCount, responses: sent.reduce((a, b) => a + b, 0) };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.size(), ...counts } }));
  return counts;
}
