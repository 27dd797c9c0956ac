/** Staff user records of a tenant: who they are, their role and their teams. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { decodeCursor, encodeCursor } from '../platform/http/pagination.ts';

export function getUser(tenant: TenantContext, userId: string): Promise<User | undefined> {
  return getItem<User>(tenant, tenant.keys.user(userId));
}

export async function listUsers(options: { tenant: TenantContext; limit: number; cursor?: string }) {
  const { tenant } = options;
  const prefix = tenant.keys.usersPrefix();
  const start = decodeCursor(options.cursor, tenant.keys.root);
  const result = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
      Limit: options.limit,
      ExclusiveStartKey: start?.key,
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => withoutKeys<User>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey ? { key: result.LastEvaluatedKey as Record<string, string> } : undefined),
  };
}
