/**
 * The records behind idempotent POSTs, one item per key in the tenant's own partition
 * (`idempotencyPartition`), written with single-item conditions only:
 *
 * - `claim` puts an in-progress record unless a live one exists (none, expired, or an
 *   in-progress one whose request could no longer be running); otherwise it returns the
 *   record found.
 * - `complete` stores the response; `release` deletes the record of a request that failed, so
 *   a corrected retry with the same key runs.
 *
 * Written here rather than with Powertools idempotency: that library brings a JMESPath
 * interpreter and its persistence layers (about 40 KB, a tenth of the API bundle) for the
 * three conditional writes below. The sort key is a hash of the scope, so no user id or path
 * is stored in clear.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import type { TenantContext } from '../auth/caller.ts';

export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type IdempotencyRecord = { status: 'in-progress'; bodyHash: string; inProgressUntil: number } | { status: 'completed'; bodyHash: string; response: StoredResponse };

export interface RecordTimes {
  /** Milliseconds since the epoch. */
  now: number;
  /** How long a completed record answers retries. */
  rememberSeconds: number;
  /** How long an unfinished request holds its key (the longest a request can run). */
  inProgressMs: number;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function recordKey(tenant: TenantContext, scope: string) {
  return { PK: tenant.keys.idempotencyPartition(), SK: `KEY#${sha256(scope)}` };
}

/** Puts an in-progress record for `scope`; when a live record is there already, returns it instead. */
export async function claim(tenant: TenantContext, scope: string, bodyHash: string, times: RecordTimes): Promise<IdempotencyRecord | undefined> {
  const key = recordKey(tenant, scope);
  // Twice at most: a record seen by the condition may have been released before it could be read.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await tenant.db.send(
        new PutCommand({
          TableName: tenant.tableName,
          Item: { ...key, status: 'in-progress', bodyHash, inProgressUntil: times.now + times.inProgressMs, [EXPIRY_ATTRIBUTE]: Math.floor(times.now / 1000) + times.rememberSeconds },
          ConditionExpression: 'attribute_not_exists(PK) OR #expiry < :nowSeconds OR (#status = :inProgress AND #until < :now)',
          ExpressionAttributeNames: { '#expiry': EXPIRY_ATTRIBUTE, '#status': 'status', '#until': 'inProgressUntil' },
          ExpressionAttributeValues: { ':nowSeconds': Math.floor(times.now / 1000), ':inProgress': 'in-progress', ':now': times.now },
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: key, ConsistentRead: true }));
    if (Item)
      return Item.status === 'completed' ? { status: 'completed', bodyHash: Item.bodyHash as string, response: Item.response as StoredResponse } : { status: 'in-progress', bodyHash: Item.bodyHash as string, inProgressUntil: Item.inProgressUntil as number };
  }
  // Claimed and released by another request twice over while this one looked: treat it as busy.
  return { status: 'in-progress', bodyHash, inProgressUntil: times.now + times.inProgressMs };
}

export async function complete(tenant: TenantContext, scope: string, response: StoredResponse, times: RecordTimes): Promise<void> {
  await tenant.db.send(
    new UpdateCommand({
      TableName: tenant.tableName,
      Key: recordKey(tenant, scope),
      UpdateExpression: 'SET #status = :completed, #response = :response, #expiry = :expiry REMOVE #until',
      ExpressionAttributeNames: { '#status': 'status', '#response': 'response', '#expiry': EXPIRY_ATTRIBUTE, '#until': 'inProgressUntil' },
      ExpressionAttributeValues: { ':completed': 'completed', ':response': response, ':expiry': Math.floor(times.now / 1000) + times.rememberSeconds },
    }),
  );
}

export async function release(tenant: TenantContext, scope: string): Promise<void> {
  await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: recordKey(tenant, scope) }));
}
