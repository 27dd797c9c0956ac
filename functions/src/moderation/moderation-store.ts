/**
 * Moderations in DynamoDB: one per audit, in the audit's partition (so the audit's read
 * view finds it in the same query), indexed by the audit's month and team for agreement.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { recordModerationTotals } from '../totals/moderation-totals.ts';

export function getModeration(tenant: TenantContext, auditId: string): Promise<Moderation | undefined> {
  return getItem<Moderation>(tenant, tenant.keys.moderation(auditId));
}

/**
 * Creates (conditional on absence: 409 if someone moderated first) or replaces the version
 * the caller read (412 if not); then its agreement cells go into the monthly totals (unless
 * the caller rebuilds those itself, as the demo seed does).
 */
export async function putModeration(tenant: TenantContext, moderation: Moderation, expectedVersion: number | null, options: { totals?: boolean } = {}): Promise<void> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...moderation, ...tenant.keys.moderation(moderation.auditId), ...tenant.keys.moderationIndexEntries(moderation) },
        ConditionExpression: expectedVersion === null ? 'attribute_not_exists(PK)' : '#version = :expected',
        ...(expectedVersion === null ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (expectedVersion === null) throw new ApiError('conflict', 'Someone moderated this audit at the same time; read it again');
    throw new ApiError('precondition-failed', 'The moderation was changed by someone else; read it again and reapply your change');
  }
  if (options.totals !== false) await recordModerationTotals(tenant, moderation);
}

/** Every moderation of audits in these months (one index query each), optionally one team's. */
export async function listModerations(tenant: TenantContext, months: readonly string[], teamId?: string): Promise<Moderation[]> {
  const found: Moderation[] = [];
  for (const month of months) {
    const key = tenant.keys.moderationsByMonth(month, teamId);
    let start: Record<string, unknown> | undefined;
    do {
      const result = await tenant.db.send(
        new QueryCommand({
          TableName: tenant.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':pk': key.GSI1PK, ':prefix': key.GSI1SK },
          ExclusiveStartKey: start,
        }),
      );
      found.push(...(result.Items ?? []).map((item) => withoutKeys<Moderation>(item)));
      start = result.LastEvaluatedKey;
    } while (start);
  }
  return found;
}
