/** Staff user records of a tenant: who they are, their role, their teams and their status. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import { isCurrentStaff, withStatus, type User, type UserStatus } from '@waypoint/shared/users/user-schemas';
import { countInTenantSize } from '../tenants/tenant-size.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';
import { decodeCursor, encodeCursor, requireCursorIn } from '../platform/http/pagination.ts';

/** BatchGetItem takes at most 100 keys a call. */
const BATCH_SIZE = 100;
/** Items read per query while filling a filtered page. */
const SCAN_PAGE = 100;

export async function getUser(tenant: TenantContext, userId: string): Promise<User | undefined> {
  const user = await getItem<User>(tenant, tenant.keys.user(userId));
  return user && withStatus(user);
}

export interface UserFilter {
  team?: string;
  role?: StaffRole;
  status?: UserStatus;
  /** Part of a name or email address, in any case. */
  q?: string;
}

function matches(user: User, filter: UserFilter): boolean {
  if (filter.team !== undefined && !user.teamIds.includes(filter.team)) return false;
  if (filter.role !== undefined && user.role !== filter.role) return false;
  if (filter.status !== undefined && user.status !== filter.status) return false;
  if (filter.q !== undefined) {
    const wanted = filter.q.toLocaleLowerCase('en-GB');
    if (!user.name.toLocaleLowerCase('en-GB').includes(wanted) && !user.email.includes(wanted)) return false;
  }
  return true;
}

/**
 * A page of staff matching the filter. The filter is applied here rather than in DynamoDB
 * because a name search must ignore case and records written before `status` existed must
 * match on the status they are read as; a page stops at the last user it returns, so the
 * cursor continues right after them.
 */
export async function listUsers(options: { tenant: TenantContext; limit: number; cursor?: string } & UserFilter) {
  const { tenant } = options;
  const prefix = tenant.keys.usersPrefix();
  const start = decodeCursor(options.cursor, tenant.keys.root);
  requireCursorIn(start?.key, { partitionKey: 'PK', partitionValue: prefix.PK, keyNames: ['PK', 'SK'], sortKey: { name: 'SK', prefix: prefix.SK } });
  const items: User[] = [];
  let position: Record<string, unknown> | undefined = start?.key;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
        Limit: SCAN_PAGE,
        ExclusiveStartKey: position,
      }),
    );
    position = result.LastEvaluatedKey;
    for (const item of result.Items ?? []) {
      const user = withStatus(withoutKeys<User>(item));
      if (!matches(user, options)) continue;
      items.push(user);
      if (items.length === options.limit) {
        position = { PK: item.PK, SK: item.SK };
        break;
      }
    }
  } while (position && items.length < options.limit);
  return { items, nextCursor: encodeCursor(position ? { key: position as Record<string, string> } : undefined) };
}

/** Names of the given users, with one BatchGet per hundred ids; unknown ids are left out. */
/** The users with these ids that exist, in batches of 100. */
export async function getUsers(tenant: TenantContext, userIds: readonly string[]): Promise<User[]> {
  const users: User[] = [];
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH_SIZE).map((id) => ({ ...tenant.keys.user(id) }));
    // DynamoDB may hand back some keys unprocessed under load; ask again for just those.
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const result: BatchGetCommandOutput = await tenant.db.send(new BatchGetCommand({ RequestItems: { [tenant.tableName]: { Keys: keys } } }));
      for (const item of result.Responses?.[tenant.tableName] ?? []) users.push(withStatus(withoutKeys<User>(item)));
      keys = result.UnprocessedKeys?.[tenant.tableName]?.Keys;
    }
  }
  return users;
}

export async function getUserNames(tenant: TenantContext, userIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH_SIZE).map((id) => ({ ...tenant.keys.user(id) }));
    // DynamoDB may hand back some keys unprocessed under load; ask again for just those.
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const result: BatchGetCommandOutput = await tenant.db.send(
        new BatchGetCommand({
          RequestItems: { [tenant.tableName]: { Keys: keys, ProjectionExpression: '#id, #name', ExpressionAttributeNames: { '#id': 'id', '#name': 'name' } } },
        }),
      );
      for (const item of result.Responses?.[tenant.tableName] ?? []) names.set(String(item.id), String(item.name));
      keys = result.UnprocessedKeys?.[tenant.tableName]?.Keys;
    }
  }
  return names;
}

/**
 * The id of the user with this email, if any. Reads the tenant's user partition (an
 * authority has hundreds of staff at most), projecting only ids and emails.
 */
export async function findUserIdByEmail(tenant: TenantContext, email: string): Promise<string | undefined> {
  const wanted = email.toLowerCase();
  const users = await readAllWithPrefix<Pick<User, 'id' | 'email'>>(tenant, tenant.keys.usersPrefix(), ['id', 'email']);
  return users.find((u) => u.email.toLowerCase() === wanted)?.id;
}

/** Conditional on absence: a second create with the same id is a 409, never an overwrite. */
export async function putNewUser(tenant: TenantContext, user: User): Promise<void> {
  await createItem({ tenant, key: tenant.keys.user(user.id), item: { ...user }, what: 'user' });
  await countInTenantSize(tenant, 'users');
}

export interface UserChanges {
  name?: string;
  role?: StaffRole;
  teamIds?: string[];
  status?: UserStatus;
  /** `null` removes it: an admin has now chosen the role and teams. */
  accessFromGroups?: boolean | null;
  /** Kept when an invitation is sent again; its count makes each sending's email reason unique. */
  invitationsSent?: number;
  invitedAt?: string;
}

/** `active` is written beside every status, so readers that only ask "can they be given work?" need not know the statuses. */
export async function updateUser(options: { tenant: TenantContext; current: User; expectedVersion: number; changes: UserChanges; at: string }) {
  const { status, ...rest } = options.changes;
  const { before, after } = await updateVersioned<User>({
    tenant: options.tenant,
    current: options.current,
    key: options.tenant.keys.user(options.current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...rest, ...(status ? { status, active: isCurrentStaff(status) } : {}) },
    at: options.at,
    what: 'user',
  });
  return { before: withStatus(before), after: withStatus(after) };
}

/**
 * An invited person's first request: they are now active. Not a versioned change (no admin
 * edit can be lost to it, and an admin's open form stays valid), and conditional, so it
 * happens once however many requests race.
 */
export async function markSignedIn(tenant: TenantContext, userId: string, at: string): Promise<void> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.user(userId),
        UpdateExpression: 'SET #status = :active, active = :true, signedInAt = :at',
        ConditionExpression: '#status = :invited',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':invited': 'invited', ':true': true, ':at': at },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
