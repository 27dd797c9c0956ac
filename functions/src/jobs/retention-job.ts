/**
 * Retention: removes items whose expiry has passed (idempotency records, wrong-code
 * counters, request-rate buckets, engagement responses and safety alerts), then closed cases past
 * their case type's years with everything about them (`retention/case-retention.ts`, bounded
 * per run). In AWS, DynamoDB's TTL does the first part too;
 * dynalite has no TTL, so locally this job is what keeps expired records from piling up.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import { clock } from '@waypoint/shared/time/clock';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { tenantContext } from '../platform/auth/caller.ts';
import { removeExpiredEngagement } from './engagement-retention.ts';
import { deleteExpiredCases } from '../retention/case-retention.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function removeExpiredItems(deps: JobDependencies): Promise<JobResult> {
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  let removed = 0;
  let casesDeleted = 0;
  const tenantIds = await listTenantIds(deps);
  for (const tenantId of tenantIds) {
    const db = deps.dataClientFor(tenantId);
    const keys = tenantKeys(tenantId);
    for (const partition of [keys.idempotencyPartition(), keys.wrongCodePartition(), keys.requestBucketPartition()]) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: deps.tableName,
            KeyConditionExpression: 'PK = :pk',
            FilterExpression: '#expiry < :now',
            ExpressionAttributeNames: { '#expiry': EXPIRY_ATTRIBUTE },
            ExpressionAttributeValues: { ':pk': partition, ':now': nowSeconds },
            ProjectionExpression: 'PK, SK',
            ExclusiveStartKey: start,
          }),
        );
        const expired = page.Items ?? [];
        for (let i = 0; i < expired.length; i += 25) {
          const batch = expired.slice(i, i + 25);
          await db.send(new BatchWriteCommand({ RequestItems: { [deps.tableName]: batch.map((Key) => ({ DeleteRequest: { Key } })) } }));
          removed += batch.length;
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    const tenant = tenantContext({ tenantId, db, tableName: deps.tableName, portalUrl: deps.portalUrl });
    removed += await removeExpiredEngagement(tenant, nowSeconds);
    const cases = await deleteExpiredCases(tenant);
    casesDeleted += cases.casesDeleted;
    removed += cases.itemsDeleted;
  }
  return { tenants: tenantIds.length, removed, casesDeleted };
}
