/**
 * Engagement activities in DynamoDB: one item in the activity's own partition, indexed by
 * opening date (GSI1) for lists, and a counter item of responses begun and sent.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { activityState, type ActivityView, type EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { countInTenantSize } from '../tenants/tenant-size.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queryIndexPage } from '../platform/database/index-page.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';

const TOTALS = 'TOTALS';

export function activityView(activity: EngagementActivity, today: string): ActivityView {
  return { ...activity, state: activityState(activity, today) };
}

export function getActivity(tenant: TenantContext, activityId: string): Promise<EngagementActivity | undefined> {
  return getItem<EngagementActivity>(tenant, tenant.keys.engagementActivity(activityId));
}

export async function putNewActivity(tenant: TenantContext, activity: EngagementActivity): Promise<void> {
  await createItem({ tenant, key: tenant.keys.engagementActivity(activity.id), item: { ...activity, ...tenant.keys.engagementActivityIndexEntries(activity) }, what: 'activity' });
}

/** A versioned change; a new opening date moves the activity's place in the list with it. */
export async function updateActivity(options: { tenant: TenantContext; current: EngagementActivity; expectedVersion: number; changes: Record<string, unknown>; opensOn: string; at: string }) {
  const { tenant, current } = options;
  const index = tenant.keys.engagementActivityIndexEntries({ id: current.id, opensOn: options.opensOn });
  return updateVersioned<EngagementActivity>({
    tenant,
    current,
    key: tenant.keys.engagementActivity(current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes, GSI1SK: index.GSI1SK },
    at: options.at,
    what: 'activity',
  });
}

/** Newest opening date first, a page at a time; `keep` drops what the caller may not see (pages may come back short). */
export async function listActivities(options: { tenant: TenantContext; limit: number; cursor?: string; keep: (a: EngagementActivity) => boolean }) {
  const { tenant } = options;
  const page = await queryIndexPage<EngagementActivity>({ db: tenant.db, tableName: tenant.tableName, index: 'GSI1', partition: tenant.keys.engagementActivities().GSI1PK, limit: options.limit, cursor: options.cursor, cursorRoot: tenant.keys.root });
  return { ...page, items: page.items.filter(options.keep) };
}

/** Every activity id of the tenant (for retention): a few hundred at most. */
export async function listActivityIds(tenant: TenantContext): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.engagementActivities().GSI1PK },
        ProjectionExpression: 'id',
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.id)));
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}

export interface ActivityCounts {
  started: number;
  submitted: number;
}

export async function getActivityCounts(tenant: TenantContext, activityId: string): Promise<ActivityCounts> {
  const item = await getItem<Partial<ActivityCounts>>(tenant, tenant.keys.engagementCounter(activityId, TOTALS));
  return { started: item?.started ?? 0, submitted: item?.submitted ?? 0 };
}

/** Counts a response begun or sent; a tally, so it is never a condition on anything. */
export async function countActivityResponse(tenant: TenantContext, activityId: string, what: keyof ActivityCounts, by = 1): Promise<void> {
  await tenant.db.send(
    new UpdateCommand({
      TableName: tenant.tableName,
      Key: tenant.keys.engagementCounter(activityId, TOTALS),
      UpdateExpression: 'ADD #what :by',
      ExpressionAttributeNames: { '#what': what },
      ExpressionAttributeValues: { ':by': by },
    }),
  ); // Sent responses count towards the authority's size too, which the platform operator sees.
  if (what === 'submitted') await countInTenantSize(tenant, 'responses', by);
}
