/**
 * The one place that builds DynamoDB keys. Every tenant key, on the table and on every
 * index, starts with `TENANT#<uuid>`; platform keys start with `PLATFORM#` and are built
 * only by `platformKeys`. Ids containing the separator are rejected so that one tenant's
 * key can never be made to look like another's.
 */

export const SEPARATOR = '#';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids are ULIDs, slugs, case references or emails: printable, no separator, bounded. */
const SAFE_ID = /^[A-Za-z0-9._@+\-]{1,128}$/;

export class UnsafeKeyPartError extends Error {
  constructor(part: string) {
    super(`"${part}" is not a valid identifier`);
    this.name = 'UnsafeKeyPartError';
  }
}

export function isTenantId(value: string): boolean {
  return UUID.test(value);
}

export function isSafeId(value: string): boolean {
  return SAFE_ID.test(value);
}

function safe(part: string, what: string): string {
  if (!SAFE_ID.test(part)) throw new UnsafeKeyPartError(what);
  return part;
}

function tenantRoot(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new UnsafeKeyPartError('tenant id');
  return `TENANT#${tenantId}`;
}

export interface Key {
  PK: string;
  SK: string;
}

/** Keys for one tenant. Build it from the verified tenant id, never from request input. */
export function tenantKeys(tenantId: string) {
  const root = tenantRoot(tenantId);
  return {
    /** The leading key every item and index entry of this tenant starts with. */
    root,
    profile: (): Key => ({ PK: root, SK: 'PROFILE' }),
    settings: (): Key => ({ PK: root, SK: 'SETTINGS' }),
    team: (teamId: string): Key => ({ PK: root, SK: `TEAM#${safe(teamId, 'team id')}` }),
    teamsPrefix: (): Key => ({ PK: root, SK: 'TEAM#' }),
    user: (userId: string): Key => ({ PK: root, SK: `USER#${safe(userId, 'user id')}` }),
    usersPrefix: (): Key => ({ PK: root, SK: 'USER#' }),
    case: (caseRef: string): Key => ({ PK: `${root}#CASE#${safe(caseRef, 'case reference')}`, SK: 'PROFILE' }),
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
    /** Index keys: cases by team (GSI1), by case holder (GSI2), by student (GSI3). */
    casesByTeam: (teamId?: string) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: teamId === undefined ? 'TEAM#' : `TEAM#${safe(teamId, 'team id')}#`,
    }),
    caseIndexEntries: (c: { ref: string; teamId: string; holderId?: string; studentId?: string }) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: `TEAM#${safe(c.teamId, 'team id')}#CASE#${safe(c.ref, 'case reference')}`,
      ...(c.holderId ? { GSI2PK: `${root}#HOLDER#${safe(c.holderId, 'user id')}`, GSI2SK: `CASE#${c.ref}` } : {}),
      ...(c.studentId ? { GSI3PK: `${root}#STUDENT#${safe(c.studentId, 'user id')}`, GSI3SK: `CASE#${c.ref}` } : {}),
    }),
    casesByHolder: (userId: string) => ({ GSI2PK: `${root}#HOLDER#${safe(userId, 'user id')}` }),
    casesByStudent: (userId: string) => ({ GSI3PK: `${root}#STUDENT#${safe(userId, 'user id')}` }),
  };
}

export type TenantKeys = ReturnType<typeof tenantKeys>;

/** Platform items: the tenant directory and the slug lookup. Only the platform code path uses these. */
export const platformKeys = {
  tenant: (tenantId: string): Key => ({ PK: 'PLATFORM#TENANTS', SK: tenantRoot(tenantId) }),
  tenantsPartition: (): string => 'PLATFORM#TENANTS',
  slug: (slug: string): Key => ({ PK: `PLATFORM#SLUG#${safe(slug, 'slug')}`, SK: 'TENANT' }),
  /** The local identity provider's accounts (Cognito holds them in AWS). */
  account: (email: string): Key => ({ PK: `PLATFORM#ACCOUNT#${safe(email.toLowerCase(), 'email')}`, SK: 'ACCOUNT' }),
};
