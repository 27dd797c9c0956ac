/**
 * The tenant's activity log: who changed what, when, and the version before and after.
 * Each entry's key is derived from the change itself (time, entity, new version), so
 * writing it again after a retry overwrites the same entry instead of adding another.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffCaller, TenantContext } from '../auth/caller.ts';
import { queryIndexPage } from '../database/index-page.ts';

export type ActivityAction = 'created' | 'updated' | 'deleted';

export interface ActivityEntry {
  id: string;
  at: string;
  actorId: string;
  action: ActivityAction;
  entity: string;
  entityId: string;
  versionBefore: number | null;
  versionAfter: number;
  changes: string[];
  /** Why it was done, where the change needs one (a subject access export). */
  reason?: string;
}

export async function recordActivity(options: {
  tenant: TenantContext;
  actor: Pick<StaffCaller, 'userId'>;
  action: ActivityAction;
  entity: string;
  entityId: string;
  versionBefore: number | null;
  versionAfter: number;
  at: string;
  changes: string[];
  reason?: string;
}): Promise<void> {
  // An update that changed nothing kept its version: there is nothing to record.
  if (options.action === 'updated' && options.versionBefore === options.versionAfter) return;
  const { tenant } = options;
  const key = tenant.keys.activity(options.at, options.entity, options.entityId, options.versionAfter);
  const entry: ActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at: options.at,
    actorId: options.actor.userId,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId,
    versionBefore: options.versionBefore,
    versionAfter: options.versionAfter,
    changes: options.changes,
    ...(options.reason === undefined ? {} : { reason: options.reason }),
  };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...key, ...entry } }));
}

/** Newest first, a page at a time. */
export function listActivity(options: { tenant: TenantContext; limit: number; cursor?: string }) {
  const { tenant } = options;
  return queryIndexPage<ActivityEntry>({ db: tenant.db, tableName: tenant.tableName, partition: tenant.keys.activityPartition(), limit: options.limit, cursor: options.cursor, cursorRoot: tenant.keys.root });
}
