/**
 * What keeps the limit cheap on every request: each API instance settles with the bucket in
 * DynamoDB a batch of requests at a time. While the bucket, as this instance last wrote it, is
 * at most half used, the instance lets a request through from memory and owes the bucket its
 * token; the next write it makes (when the debt reaches a tenth of the burst, when its sight of
 * the bucket is ten seconds old, or when the bucket looked more than half used) takes the debt
 * and the new request's token together, in one conditional `UpdateItem`. So a party well within
 * its limit costs one write per many requests, and a party near its limit is checked exactly,
 * one write per request, as before.
 *
 * How far this can let a party past its limit: what one instance owes is at most a tenth of
 * the burst, and it owes only while the bucket looked at most half used; if that debt no
 * longer fits when it is settled, it is written off (the requests were already answered) and
 * the new request is judged alone. Limits of fewer than ten a burst (the tests' tiny buckets)
 * owe nothing: every request is one exact write.
 */
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../auth/caller.ts';
import { takeTokens, type TakeResult } from './bucket-store.ts';
import type { BucketLimit } from './request-limits.ts';

/** How long this instance trusts what it last saw of a bucket. */
export const SIGHTING_LIFETIME_MS = 10_000;
/** Parties one instance remembers; the oldest is forgotten first (with what it owed). */
const MAX_HELD = 10_000;

interface Held {
  /** Requests let through here whose tokens the shared bucket has not been told of yet. */
  owed: number;
  /** The bucket's `tat` after this instance's last write, and when that was. */
  seenTat: number;
  seenAt: number;
  /** A write under way for this bucket, which requests arriving meanwhile wait for. */
  pending?: Promise<TakeResult>;
}

export interface LocalAllowance {
  /** Takes one token for the bucket at `key`: from memory when the bucket has room to spare. */
  take(tenant: TenantContext, key: Key, limit: BucketLimit, nowMs: number): Promise<TakeResult>;
}

/** Whether one more request may be let through now and its token owed. */
function mayOwe(entry: Held, limit: BucketLimit, nowMs: number): boolean {
  if (entry.owed + 1 > Math.floor(limit.burst / 10)) return false;
  if (!(nowMs >= entry.seenAt && nowMs - entry.seenAt < SIGHTING_LIFETIME_MS) || !Number.isFinite(entry.seenTat)) return false;
  const usedAsSeen = (Math.max(0, entry.seenTat - nowMs) * limit.perSecond) / 1000;
  return usedAsSeen + entry.owed + 1 <= limit.burst / 2;
}

export function createLocalAllowance(): LocalAllowance {
  const held = new Map<string, Held>();

  const remember = (id: string, entry: Held) => {
    held.delete(id);
    if (held.size >= MAX_HELD) held.delete(held.keys().next().value!);
    held.set(id, entry);
  };

  async function take(tenant: TenantContext, key: Key, limit: BucketLimit, nowMs: number): Promise<TakeResult> {
    const id = `${key.PK}\u0000${key.SK}`;
    let entry = held.get(id);
    while (entry?.pending) {
      await entry.pending.catch(() => undefined);
      entry = held.get(id);
    }
    if (entry && mayOwe(entry, limit, nowMs)) {
      entry.owed += 1;
      return { granted: true, tat: entry.seenTat };
    }
    const owed = entry?.owed ?? 0;
    const next: Held = { owed: 0, seenTat: Number.NaN, seenAt: nowMs };
    const pending = (async () => {
      // The debt and this request's token together; if they no longer fit, this request alone.
      let result = await takeTokens(tenant, key, limit, owed + 1, nowMs, entry?.seenTat);
      if (!result.granted && owed > 0) result = await takeTokens(tenant, key, limit, 1, nowMs, entry?.seenTat);
      if (result.granted) next.seenTat = result.tat;
      return result;
    })();
    next.pending = pending;
    remember(id, next);
    try {
      return await pending;
    } finally {
      delete next.pending;
    }
  }

  return { take };
}
