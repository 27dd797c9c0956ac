/** What the service keeps about its own work for an authority: the activity log, the outbox of emails, idempotency records and request-rate buckets. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function bookkeepingKeys(root: string) {
  return {
    /** Activity log: one partition per tenant, newest last; SK is deterministic per change. */
    activity: (at: string, entity: string, entityId: string, version: number): Key => ({
      PK: `${root}#ACTIVITY`,
      SK: `${at}#${safe(entity, 'entity')}#${safe(entityId, 'entity id')}#V${String(version).padStart(6, '0')}`,
    }),
    activityPartition: (): string => `${root}#ACTIVITY`,
    outboxMessage: (messageId: string): Key => ({ PK: `${root}#OUTBOX`, SK: `MESSAGE#${safe(messageId, 'message id')}` }),
    outboxPartition: (): string => `${root}#OUTBOX`,
    /** Idempotency records live in the tenant's own partition so isolation covers them too. */
    idempotencyPartition: (): string => `${root}#IDEMPOTENCY`,
    /**
     * Request-rate buckets (`request-limits.ts`), one partition per authority: its staff API,
     * one public client (a keyed hash, never an address) or one have-your-say session.
     */
    requestBucketPartition: (): string => `${root}#LIMITS`,
    requestBucket: (kind: 'staff' | 'client' | 'session', id?: string): Key => ({
      PK: `${root}#LIMITS`,
      SK: `${kind.toUpperCase()}${id === undefined ? '' : `#${safe(id, 'bucket id')}`}`,
    }),
  };
}
