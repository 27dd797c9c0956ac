/**
 * When retention deletes a case, the activity log must stop naming it: entries whose record is
 * the case itself (`case`, `journey`), a records compliance check of it (`<month>.<ref>`) or a
 * subject access export about it (`case.<ref>`) are rewritten as entries about "a case deleted
 * by retention" with no reference, keeping who did what and when. The reason given for an
 * export is dropped too, since it may describe the child.
 *
 * An entry's key embeds its record's id, so rewriting it is a new item: the anonymised entry is
 * written first, under a key derived from the old one (a retry writes the same item again),
 * then the old one is deleted. A run that stops in between leaves both, and the next run (the
 * case is still due) finishes the job without a second copy.
 */
import { createHash } from 'node:crypto';
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../platform/auth/caller.ts';
import type { ActivityEntry } from '../platform/activity/activity-log.ts';

/** The entity an anonymised entry is about; the activity log calls it "a case deleted by retention". */
export const DELETED_CASE_ENTITY = 'deleted-case';
/** Who "did" the deletion in the log. */
export const RETENTION_ACTOR = 'retention';

/** The case references an entry names, by the rules above; empty for every other entry. */
export function caseRefNamedBy(entry: Pick<ActivityEntry, 'entity' | 'entityId'>): string | undefined {
  if (entry.entity === 'case' || entry.entity === 'journey') return entry.entityId;
  if (entry.entity === 'compliance-check') return /^\d{4}-\d{2}\.(.+)$/.exec(entry.entityId)?.[1];
  if (entry.entity === 'subject-access-export' && entry.entityId.startsWith('case.')) return entry.entityId.slice(5);
  return undefined;
}

function anonymousId(oldSortKey: string): string {
  return `r${createHash('sha256').update(oldSortKey).digest('hex').slice(0, 24)}`;
}

/** Rewrites every activity entry naming one of `refs` (compared in upper case); returns how many. */
export async function anonymiseActivityOfCases(tenant: TenantContext, refs: readonly string[]): Promise<number> {
  if (!refs.length) return 0;
  const wanted = new Set(refs.map((r) => r.toUpperCase()));
  let rewritten = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.activityPartition() },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const entry = item as unknown as ActivityEntry & { PK: string; SK: string };
      const ref = caseRefNamedBy(entry);
      if (ref === undefined || !wanted.has(ref.toUpperCase())) continue;
      await rewrite(tenant, entry);
      rewritten += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return rewritten;
}

async function rewrite(tenant: TenantContext, entry: ActivityEntry & { PK: string; SK: string }): Promise<void> {
  const key = tenant.keys.activity(entry.at, DELETED_CASE_ENTITY, anonymousId(entry.SK), entry.versionAfter);
  const anonymised: ActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    entity: DELETED_CASE_ENTITY,
    entityId: anonymousId(entry.SK),
    versionBefore: entry.versionBefore,
    versionAfter: entry.versionAfter,
    // Field names only; an export's "changes" are empty and its reason is left behind.
    changes: entry.entity === 'subject-access-export' ? ['subject access export'] : entry.changes,
  };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...key, ...anonymised } }));
  await tenant.db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: [{ DeleteRequest: { Key: { PK: entry.PK, SK: entry.SK } } }] } }));
}

/** One entry saying retention deleted a case, under the retention log entry's id: no reference. */
export async function recordRetentionDeletion(tenant: TenantContext, logEntryId: string, at: string): Promise<void> {
  const key = tenant.keys.activity(at, DELETED_CASE_ENTITY, logEntryId, 1);
  const entry: ActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at,
    actorId: RETENTION_ACTOR,
    action: 'deleted',
    entity: DELETED_CASE_ENTITY,
    entityId: logEntryId,
    versionBefore: null,
    versionAfter: 1,
    changes: [],
  };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...key, ...entry } }));
}
