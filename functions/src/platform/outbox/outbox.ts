/**
 * The email outbox. Messages are stored per tenant first; in AWS a sender delivers them
 * through SES, and on one machine developers read them at the dev outbox page. A message
 * id derived from what caused it means a retried step queues it once.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../auth/caller.ts';
import { withoutKeys } from '../database/versioned-items.ts';

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  status: 'queued' | 'sent';
}

/** Queues a message once per `reason` (e.g. `user-invited:<id>`); returns false when already queued. */
export async function queueEmail(options: { tenant: TenantContext; reason: string; to: string; subject: string; text: string; at: string }): Promise<boolean> {
  const { tenant } = options;
  // The id comes from the reason alone, so a retry lands on the same item whenever it runs.
  const id = createHash('sha256').update(options.reason).digest('hex').slice(0, 24);
  const message: OutboxMessage = { id, to: options.to, subject: options.subject, text: options.text, createdAt: options.at, status: 'queued' };
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...tenant.keys.outboxMessage(id), ...message, reason: options.reason },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The newest messages first. Only the dev outbox reads this, over a bounded partition. */
export async function listOutbox(options: { tenant: TenantContext; limit: number }): Promise<OutboxMessage[]> {
  const { tenant } = options;
  const { Items } = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenant.keys.outboxPartition() },
      Limit: 1000,
    }),
  );
  return (Items ?? [])
    .map((item) => {
      const { reason: _reason, ...message } = withoutKeys<OutboxMessage & { reason?: string }>(item);
      return message;
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, options.limit);
}
