/**
 * Feedback responses in DynamoDB, in their activity's partition. A draft is saved on every
 * page, so it survives a restart; it expires 30 days after its last save unless sent, and
 * a sent response is kept for the authority's retention period (the `expiresAt` TTL).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';

/** How long an unsent response is kept after its last save. */
export const DRAFT_DAYS = 30;

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

export function draftExpiry(now: Date): number {
  return epochSeconds(now) + DRAFT_DAYS * 86_400;
}

/** `years` calendar years on (29 February lands on 1 March). */
export function retentionExpiry(now: Date, years: number): number {
  const later = new Date(now);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return epochSeconds(later);
}

type Stored = FeedbackResponse & { [EXPIRY_ATTRIBUTE]?: number };

function view(item: Stored): FeedbackResponse {
  const { [EXPIRY_ATTRIBUTE]: _expiry, ...response } = item;
  return response;
}

/** The response, unless its time has passed (TTL in AWS can take a day or two to remove it). */
export async function getResponse(tenant: TenantContext, activityId: string, responseId: string, now: Date): Promise<FeedbackResponse | undefined> {
  const item = await getItem<Stored>(tenant, tenant.keys.feedbackResponse(activityId, responseId));
  if (!item || (item[EXPIRY_ATTRIBUTE] !== undefined && item[EXPIRY_ATTRIBUTE] < epochSeconds(now))) return undefined;
  return view(item);
}

/** Creates the draft once; a retry (or a second session of a single-use code) finds it there. */
export async function putNewResponse(tenant: TenantContext, response: FeedbackResponse, now: Date): Promise<boolean> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...response, [EXPIRY_ATTRIBUTE]: draftExpiry(now), ...tenant.keys.feedbackResponse(response.activityId, response.id) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Saves answers, language and safety of a draft; undefined when it is no longer a draft. */
export async function saveDraft(tenant: TenantContext, response: Pick<FeedbackResponse, 'id' | 'activityId' | 'answers' | 'language' | 'safety'>, now: Date): Promise<FeedbackResponse | undefined> {
  try {
    const { Attributes } = await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.feedbackResponse(response.activityId, response.id),
        UpdateExpression: 'SET answers = :answers, #language = :language, safety = :safety, updatedAt = :at, #expiry = :expiry',
        ConditionExpression: 'attribute_exists(PK) AND #state = :draft',
        ExpressionAttributeNames: { '#language': 'language', '#state': 'state', '#expiry': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':answers': response.answers, ':language': response.language, ':safety': response.safety, ':at': now.toISOString(), ':expiry': draftExpiry(now), ':draft': 'draft' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return view(withoutKeys<Stored>(Attributes ?? {}));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Draft → submitted, once; false when another request (or an earlier try) got there first. */
export async function markSubmitted(tenant: TenantContext, response: Pick<FeedbackResponse, 'id' | 'activityId'>, now: Date, retentionYears: number): Promise<boolean> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.feedbackResponse(response.activityId, response.id),
        UpdateExpression: 'SET #state = :submitted, submittedAt = :at, updatedAt = :at, #expiry = :expiry',
        ConditionExpression: 'attribute_exists(PK) AND #state = :draft',
        ExpressionAttributeNames: { '#state': 'state', '#expiry': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':submitted': 'submitted', ':draft': 'draft', ':at': now.toISOString(), ':expiry': retentionExpiry(now, retentionYears) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Puts a response back to draft when its submission turned out to be over the code's limit. */
export async function unmarkSubmitted(tenant: TenantContext, response: Pick<FeedbackResponse, 'id' | 'activityId'>, now: Date): Promise<void> {
  await tenant.db
    .send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.feedbackResponse(response.activityId, response.id),
        UpdateExpression: 'SET #state = :draft, updatedAt = :at, #expiry = :expiry REMOVE submittedAt',
        ConditionExpression: 'attribute_exists(PK) AND #state = :submitted',
        ExpressionAttributeNames: { '#state': 'state', '#expiry': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':submitted': 'submitted', ':draft': 'draft', ':at': now.toISOString(), ':expiry': draftExpiry(now) },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}
