/** Staff user records of a tenant: who they are, their role and their teams. */
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { UpdateUserBody, User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';
import { decodeCursor, encodeCursor, requireCursorIn } from '../platform/http/pagination.ts';

/** BatchGetItem takes at most 100 keys a call. */
const BATCH_SIZE = 100;

export function getUser(tenant: TenantContext, userId: string): Promise<User | undefined> {
  return getItem<User>(tenant, tenant.keys.user(userId));
}

/** A page of staff, optionally only one team's members; a filtered page is filled from later items. */
export async function listUsers(options: { tenant: TenantContext; limit: number; cursor?: string; team?: string }) {
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
        ...(options.team ? { FilterExpression: 'contains(teamIds, :team)' } : {}),
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK, ...(options.team ? { ':team': options.team } : {}) },
        Limit: options.limit - items.length,
        ExclusiveStartKey: position,
      }),
    );
    items.push(...(result.Items ?? []).map((item) => withoutKeys<User>(item)));
    position = result.LastEvaluatedKey;
  } while (position && items.length < options.limit);
  return { items, nextCursor: encodeCursor(position ? { key: position as Record<string, string> } : undefined) };
}

/** Names of the given users, with one BatchGet per hundred ids; unknown ids are left out. */
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
}

export function updateUser(options: { tenant: TenantContext; current: User; expectedVersion: number; changes: UpdateUserBody; at: string }) {
  return updateVersioned<User>({
    tenant: options.tenant,
    current: options.current,
    key: options.tenant.keys.user(options.current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'user',
  });
}
