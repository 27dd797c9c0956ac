/**
 * Monthly samples in DynamoDB: one item per manager in the month's programme partition,
 * so a month's samples are one Query. A sample is created once (conditional on absence)
 * and changed only at the version the caller read.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Sample } from '@waypoint/shared/programme/programme-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';

export function getSample(tenant: TenantContext, month: string, managerId: string): Promise<Sample | undefined> {
  return getItem<Sample>(tenant, tenant.keys.sample(month, managerId));
}

/** The month's samples, without their candidate snapshots. */
export async function listSamples(tenant: TenantContext, month: string): Promise<Omit<Sample, 'candidates'>[]> {
  const prefix = tenant.keys.samplesOfMonth(month);
  const found: Omit<Sample, 'candidates'>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) {
      const { candidates: _snapshot, ...summary } = withoutKeys<Sample>(item);
      found.push(summary);
    }
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/** 409 when a sample for this manager and month already exists. */
export function putNewSample(tenant: TenantContext, sample: Sample): Promise<void> {
  return createItem({ tenant, key: tenant.keys.sample(sample.month, sample.managerId), item: { ...sample }, what: 'sample' });
}

export function updateSample(options: { tenant: TenantContext; current: Sample; expectedVersion: number; changes: Partial<Sample>; at: string }) {
  return updateVersioned<Sample>({
    tenant: options.tenant,
    key: options.tenant.keys.sample(options.current.month, options.current.managerId),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'sample',
  });
}
