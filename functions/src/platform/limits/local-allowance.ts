/**
 * What keeps the limit cheap on every request: each API instance takes tokens from a bucket
 * in DynamoDB a batch at a time and hands them out from memory. A quiet party takes one token
 * per request (one `UpdateItem`); while requests keep coming, each batch is twice the last,
 * up to a tenth of the burst, so a busy authority's staff cost one write per many requests.
 *
 * Tokens held in memory were already taken from the shared bucket, so however many instances
 * run, no party ever gets more than its limit; a batch not used within a second is dropped,
 * which can only make the limit stricter, never looser.
 */
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../auth/caller.ts';
import { takeTokens, type TakeResult } from './bucket-store.ts';
import type { BucketLimit } from './request-limits.ts';

/** How long a batch of tokens may be used for. */
export const BATCH_LIFETIME_MS = 1000;
/** Parties one instance remembers; the oldest is forgotten first (its unused tokens with it). */
const MAX_HELD = 10_000;

interface Held {
  tokens: number;
  until: number;
  batch: number;
  /** A take under way for this bucket, which requests arriving meanwhile wait for. */
  pending?: Promise<TakeResult>;
}

export interface LocalAllowance {
  /** Takes one token for the bucket at `key`: from memory when this instance holds one. */
  take(tenant: TenantContext, key: Key, limit: BucketLimit, nowMs: number): Promise<TakeResult>;
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
    if (entry && entry.tokens > 0 && nowMs < entry.until) {
      entry.tokens -= 1;
      return { granted: true };
    }
    // Still busy since the last batch: a bigger one. Quiet: a single token.
    const largest = Math.max(1, Math.floor(limit.burst / 10));
    const busy = entry !== undefined && nowMs < entry.until + BATCH_LIFETIME_MS;
    const batch = busy ? Math.min(largest, entry!.batch * 2) : 1;
    const next: Held = { tokens: 0, until: 0, batch: 1 };
    const pending = (async () => {
      let result = await takeTokens(tenant, key, limit, batch, nowMs);
      let got = batch;
      // Not enough left for a batch: one token may still be there.
      if (!result.granted && batch > 1) {
        result = await takeTokens(tenant, key, limit, 1, nowMs);
        got = 1;
      }
      if (result.granted) Object.assign(next, { tokens: got - 1, until: nowMs + BATCH_LIFETIME_MS, batch: got });
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
