/**
 * Token buckets in DynamoDB, one item each, changed only by single-item conditional
 * `UpdateItem`s (no transactions, no read before a write). A bucket is kept as the one number
 * GCRA needs, `tat`: the time (ms) at which it would be full again. Taking `n` tokens moves
 * `tat` on by `n` refill intervals; that is allowed while `tat` stays within `burst` intervals of
 * now. Refilling is implied by time passing, so nothing runs when nobody asks.
 *
 * A take is one `UpdateItem` when the caller's last sight of the bucket was right (in use, or
 * full), and two when the bucket changed between. Each write returns the new `tat`. A refusal reads the bucket once more, to say when
 * trying again will work (`Retry-After`).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../auth/caller.ts';
import type { BucketLimit } from './request-limits.ts';

/** An idle bucket is full again long before this; DynamoDB's TTL then removes its item. */
const KEEP_IDLE_SECONDS = 60 * 60;

/** Granted with the bucket's `tat` after the take, so the caller knows how full it is; or refused. */
export type TakeResult = { granted: true; tat: number } | { granted: false; retryAfterSeconds: number };

const intervalMs = (limit: BucketLimit) => 1000 / limit.perSecond;

/** The bucket's `tat` after a conditional update, or undefined when its condition did not hold. */
async function conditionally(send: () => Promise<{ Attributes?: Record<string, unknown> }>): Promise<number | undefined> {
  try {
    const { Attributes } = await send();
    return typeof Attributes?.tat === 'number' ? Attributes.tat : Number.NaN;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/**
 * Takes `count` tokens from the bucket at `key`, all or none. `seenTat`, the bucket's `tat` as
 * this instance last saw it, says which write to try first: when it says the bucket is full
 * (a quiet party), the write that sets it afresh, so a quiet party's take is one write rather
 * than a refused one and then another.
 */
export async function takeTokens(tenant: TenantContext, key: Key, limit: BucketLimit, count: number, nowMs: number, seenTat?: number): Promise<TakeResult> {
  const interval = intervalMs(limit);
  const cost = count * interval;
  const expires = (tat: number) => Math.ceil(tat / 1000) + KEEP_IDLE_SECONDS;
  const update = (expression: string, condition: string, values: Record<string, number>) =>
    conditionally(() =>
      tenant.db.send(
        new UpdateCommand({
          TableName: tenant.tableName,
          Key: key,
          UpdateExpression: `${expression}, #expires = :expires`,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#expires': EXPIRY_ATTRIBUTE },
          ExpressionAttributeValues: values,
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
  const latest = nowMs + limit.burst * interval - cost;
  const ceiling = nowMs + limit.burst * interval;
  // The bucket is in use: take from what is left, if enough is.
  const fromWhatIsLeft = () => update('SET tat = tat + :cost', 'tat > :now AND tat <= :latest', { ':cost': cost, ':now': nowMs, ':latest': latest, ':expires': expires(latest + cost) });
  // The bucket is full (idle, new, or its time ahead of any this bucket could have: a clock
  // that jumped back). `count` never exceeds the burst, so taking from a full bucket fits.
  const fromAFullBucket = () =>
    count <= limit.burst ? update('SET tat = :fresh', 'attribute_not_exists(tat) OR tat <= :now OR tat > :ceiling', { ':fresh': nowMs + cost, ':now': nowMs, ':ceiling': ceiling, ':expires': expires(nowMs + cost) }) : Promise.resolve(undefined);
  const [first, second] = seenTat !== undefined && seenTat <= nowMs ? [fromAFullBucket, fromWhatIsLeft] : [fromWhatIsLeft, fromAFullBucket];
  // Two rounds: another instance can change the bucket between this one's two conditions.
  for (let round = 0; round < 2; round++) {
    const after = (await first()) ?? (await second());
    if (after !== undefined) return { granted: true, tat: after };
    const { Item } = await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: key, ProjectionExpression: 'tat', ConsistentRead: true }));
    const tat = typeof Item?.tat === 'number' ? Item.tat : nowMs;
    // Enough tokens for this take are back once `tat` falls within the burst again.
    if (tat > latest) return { granted: false, retryAfterSeconds: Math.max(1, Math.ceil((tat - latest) / 1000)) };
  }
  return { granted: false, retryAfterSeconds: 1 };
}
