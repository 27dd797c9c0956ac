/**
 * What results read and staff write in DynamoDB: an activity's sent responses (one Query of
 * its partition), the themes staff tagged each with (kept on the response item, so the same
 * Query brings them), and the authority's theme list (one item beside its settings).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import type { ThemeList } from '@waypoint/shared/engagement/results/result-schemas';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../../platform/database/versioned-items.ts';
import { ApiError } from '../../platform/http/api-error.ts';

/** `themesVersion` counts the times it was tagged: the version its theme counts in the monthly totals come from. */
export type TaggedFeedback = FeedbackResponse & { themes?: string[]; themesVersion?: number };

/** Every sent response of an activity, with its tags; drafts and expired ones are left out. */
export async function sentResponses(tenant: TenantContext, activityId: string, now: Date): Promise<TaggedFeedback[]> {
  const prefix = tenant.keys.feedbackResponsesPrefix(activityId);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const items: TaggedFeedback[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':sk': prefix.SK },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const expiry = item.expiresAt;
      if (item.state !== 'submitted' || (typeof expiry === 'number' && expiry < nowSeconds)) continue;
      items.push(withoutKeys<TaggedFeedback>(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Replaces a sent response's tags and moves its `themesVersion` on (the monthly totals' source
 * version, so retagging moves the counts once); undefined when there is no sent response with that id.
 */
export async function tagResponse(tenant: TenantContext, activityId: string, responseId: string, themes: string[]): Promise<TaggedFeedback | undefined> {
  try {
    const { Attributes } = await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.feedbackResponse(activityId, responseId),
        UpdateExpression: 'SET themes = :themes ADD themesVersion :one',
        ConditionExpression: 'attribute_exists(PK) AND #state = :submitted',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':themes': themes, ':submitted': 'submitted', ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<TaggedFeedback>(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

export async function getThemes(tenant: TenantContext): Promise<ThemeList> {
  const item = await getItem<ThemeList>(tenant, tenant.keys.engagementThemes());
  return { themes: item?.themes ?? [], version: item?.version ?? 0 };
}

/** Replaces the list when `expectedVersion` is still current (0: none saved yet). */
export async function putThemes(tenant: TenantContext, themes: string[], expectedVersion: number): Promise<ThemeList> {
  const version = expectedVersion + 1;
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...tenant.keys.engagementThemes(), themes, version },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ApiError('precondition-failed', 'The themes were changed by someone else; reload and try again');
    throw error;
  }
  return { themes, version };
}
