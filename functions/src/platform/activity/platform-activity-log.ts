/**
 * The platform activity log: what each operator did to which authority, and when. Like the
 * tenants' log it keeps the names of the fields a change touched, never their values. Each
 * entry's key is derived from the action (its time, the authority and what was done), so
 * writing it again after a retry overwrites the same entry instead of adding another.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { PlatformAction } from '@waypoint/shared/tenancy/tenant-schemas';
import type { Caller } from '../auth/caller.ts';
import { queryIndexPage } from '../database/index-page.ts';
import type { ItemStore } from '../database/versioned-items.ts';

export interface PlatformActivityEntry {
  id: string;
  at: string;
  actorId: string;
  action: PlatformAction;
  tenantId: string;
  changes: string[];
}

export async function recordPlatformActivity(options: { platform: ItemStore; actor: Pick<Caller, 'userId'>; action: PlatformAction; tenantId: string; at: string; changes: string[] }): Promise<void> {
  const key = platformKeys.activity(options.at, options.tenantId, options.action);
  const entry: PlatformActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at: options.at,
    actorId: options.actor.userId,
    action: options.action,
    tenantId: options.tenantId,
    changes: options.changes,
  };
  await options.platform.db.send(new PutCommand({ TableName: options.platform.tableName, Item: { ...key, ...entry } }));
}

/** Newest first, a page at a time. */
export function listPlatformActivity(options: { platform: ItemStore; limit: number; cursor?: string }) {
  const partition = platformKeys.activityPartition();
  return queryIndexPage<PlatformActivityEntry>({ db: options.platform.db, tableName: options.platform.tableName, partition, limit: options.limit, cursor: options.cursor, cursorRoot: partition });
}
