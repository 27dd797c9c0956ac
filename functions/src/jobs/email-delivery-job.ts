/**
 * Delivers queued outbox messages (SES in AWS). Each message is claimed with a conditional
 * write before it is sent, so two runs at once never send it twice; a claim left by a run
 * that died is taken over after ten minutes. On one machine there is no delivery: messages
 * stay in the outbox, where developers read them.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import { logger } from '../platform/logging/logger.ts';
import type { JobDependencies } from './job-registry.ts';

const CLAIM_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;

interface QueuedMessage {
  PK: string;
  SK: string;
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  claimedAt?: string;
  attempts?: number;
}

export async function deliverQueuedEmail(deps: JobDependencies): Promise<{ tenants: number; delivered: number; failed: number; waiting: number }> {
  const result = { tenants: 0, delivered: 0, failed: 0, waiting: 0 };
  const tenantIds = await listTenantIds(deps);
  result.tenants = tenantIds.length;
  for (const tenantId of tenantIds) {
    const db = deps.dataClientFor(tenantId);
    const due = await dueMessages(db, deps.tableName, tenantKeys(tenantId).outboxPartition());
    if (!deps.deliverEmail) {
      result.waiting += due.length;
      continue;
    }
    for (const message of due) {
      const outcome = await deliverOne({ db, tableName: deps.tableName, message, deliver: deps.deliverEmail });
      if (outcome === 'delivered') result.delivered++;
      if (outcome === 'failed') result.failed++;
    }
  }
  return result;
}

async function dueMessages(db: DynamoDBDocumentClient, tableName: string, partition: string): Promise<QueuedMessage[]> {
  const staleClaim = new Date(clock.now().getTime() - CLAIM_TIMEOUT_MS).toISOString();
  const messages: QueuedMessage[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: '#status = :queued OR (#status = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': partition, ':queued': 'queued', ':sending': 'sending', ':stale': staleClaim },
        ExclusiveStartKey: start,
      }),
    );
    messages.push(...((page.Items ?? []) as QueuedMessage[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return messages;
}

async function deliverOne(options: { db: DynamoDBDocumentClient; tableName: string; message: QueuedMessage; deliver: NonNullable<JobDependencies['deliverEmail']> }): Promise<'delivered' | 'failed' | 'skipped'> {
  const { db, tableName, message } = options;
  const key = { PK: message.PK, SK: message.SK };
  const now = clock.nowIso();
  try {
    // Claim: only the run that moves the message from what it read to `sending` may send it.
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #status = :sending, claimedAt = :now',
        ConditionExpression: message.status === 'queued' ? '#status = :queued' : '#status = :sending AND claimedAt = :claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': now, ...(message.status === 'queued' ? { ':queued': 'queued' } : { ':claimedAt': message.claimedAt }) },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'skipped';
    throw error;
  }
  try {
    const { providerMessageId } = await options.deliver({ id: message.id, to: message.to, subject: message.subject, text: message.text });
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #status = :sent, sentAt = :at, providerMessageId = :pid REMOVE claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': clock.nowIso(), ':pid': providerMessageId },
      }),
    );
    return 'delivered';
  } catch (error) {
    const attempts = (message.attempts ?? 0) + 1;
    logger.warn('email delivery failed', { messageId: message.id, attempts, error: error instanceof Error ? error.name : 'unknown' });
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #status = :status, attempts = :attempts REMOVE claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', ':attempts': attempts },
      }),
    );
    return 'failed';
  }
}
