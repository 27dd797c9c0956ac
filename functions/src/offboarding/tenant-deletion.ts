/**
 * Deleting an offboarded authority, in steps the offboarding job can stop between and resume:
 *
 * 1. counting: every record (a key-only Scan, `tenant-item-keys.ts`) by type, and every stored
 *    file by area, written with the Scan's cursor after each page so a stopped count resumes;
 * 2. removing-sign-in-provider: the authority's own sign-in provider leaves the sign-in service,
 *    with its email domains and the platform's note of it (`sign-in-removal.ts`);
 * 3. removing-accounts: every sign-in account of its people is deleted, a user record at a time
 *    with the key saved after each, then any the provider made that no record led to;
 * 4. deleting-records: the same Scan again, each page deleted in BatchWriteItem calls with the
 *    authority's own credentials, the cursor saved after each page;
 * 5. deleting-files: everything under `tenants/<id>/` in the object store, a thousand at a time;
 * 6. checking: a last Scan and listing; anything found (a write that raced the deletion) is
 *    deleted and the check runs again, until a whole pass finds nothing;
 * 7. done: the record becomes the certificate of deletion, the directory entry says `deleted`
 *    and the authority's web address is freed.
 *
 * Each step's progress is one conditional update of the deletion record (in the platform's
 * partition), conditional on the step and cursor this run read: two runs at once never take
 * it backwards, and the loser stops. Every step is safe to repeat.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { platformKeys, tenantKeys } from '@waypoint/shared/tenancy/keys';
import type { DeletionStep, TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import { deletionDueOn, type TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { recordPlatformActivity } from '../platform/activity/platform-activity-log.ts';
import { getItem, type ItemStore } from '../platform/database/versioned-items.ts';
import { logger } from '../platform/logging/logger.ts';
import { areaOfKey, tenantObjectPrefix } from '../storage/object-keys.ts';
import { currentTenants } from '../tenants/current-tenants.ts';
import { deleteKeys } from './batch-delete.ts';
import { recordTypeOf } from './record-types.ts';
import { removeSignInProvider, removeSomeAccounts, removeSomeProviderAccounts, type UserKey } from './sign-in-removal.ts';
import { tenantKeyPage, type ScanCursor } from './tenant-item-keys.ts';

/** Who the platform activity log says did what the job did. */
export const OFFBOARDING_JOB_ACTOR = { userId: 'offboarding-job' };

/** The deletion record as stored: the certificate's fields and the job's own progress. */
export interface StoredDeletion extends Omit<TenantDeletion, 'records' | 'recordsTotal' | 'files' | 'filesTotal'> {
  counts: Record<string, number>;
  fileCounts: Record<string, number>;
  /** The Scan's cursor within the step, as JSON; absent at a step's start. */
  cursor?: string;
  /** Records a checking pass has found so far (0 on a clean pass). */
  found?: number;
}

const FILE_BATCH = 1_000;

const platformOf = (deps: JobDependencies): ItemStore => ({ db: deps.platformClient, tableName: deps.tableName });

export function getStoredDeletion(platform: ItemStore, tenantId: string): Promise<StoredDeletion | undefined> {
  return getItem<StoredDeletion>(platform, platformKeys.deletion(tenantId));
}

/**
 * Moves an offboarding authority whose deletion day has come to `deleting`, conditional on the
 * entry the job read: an operator who cancelled a moment ago wins. True if this run moved it.
 */
export async function beginDeletion(deps: JobDependencies, entry: TenantEntry): Promise<boolean> {
  const at = clock.nowIso();
  try {
    await deps.platformClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: platformKeys.tenant(entry.id),
        UpdateExpression: 'SET #status = :deleting, deletionStartedAt = :at, updatedAt = :at, #version = :next',
        ConditionExpression: '#status = :offboarding AND leavesOn = :leavesOn AND (#version = :version OR attribute_not_exists(#version))',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':deleting': 'deleting', ':offboarding': 'offboarding', ':leavesOn': entry.leavesOn, ':at': at, ':version': entry.version, ':next': entry.version + 1 },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
  currentTenants.forget(entry.id);
  await recordPlatformActivity({ platform: platformOf(deps), actor: OFFBOARDING_JOB_ACTOR, action: 'deletion-started', tenantId: entry.id, at, changes: ['status'] });
  return true;
}

/** The deletion record of an authority now `deleting`, written once (a run that stopped before writing it writes it next time). */
async function ensureDeletionRecord(deps: JobDependencies, entry: TenantEntry): Promise<StoredDeletion> {
  const platform = platformOf(deps);
  const existing = await getStoredDeletion(platform, entry.id);
  if (existing && existing.startedAt === entry.deletionStartedAt) return existing;
  const leavesOn = entry.leavesOn ?? entry.deletionStartedAt?.slice(0, 10) ?? clock.nowIso().slice(0, 10);
  const record: StoredDeletion = {
    tenantId: entry.id,
    name: entry.name,
    slug: entry.slug,
    leavesOn,
    dueOn: deletionDueOn(leavesOn),
    startedAt: entry.deletionStartedAt ?? clock.nowIso(),
    step: 'counting',
    counts: {},
    fileCounts: {},
    accountsRemoved: 0,
    signInProvidersRemoved: 0,
    emailDomainsReleased: 0,
  };
  // Conditional on absence, or on an older offboarding's record (an authority that came back and left again).
  try {
    await deps.platformClient.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...platformKeys.deletion(entry.id), ...record },
        ConditionExpression: 'attribute_not_exists(PK) OR startedAt <> :started',
        ExpressionAttributeValues: { ':started': record.startedAt },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return (await getStoredDeletion(platform, entry.id)) ?? record;
}

/** Saves progress if nobody else has moved this deletion on since `from` was read; false if someone had. */
async function saveProgress(deps: JobDependencies, from: StoredDeletion, changes: Partial<StoredDeletion>): Promise<boolean> {
  const names: Record<string, string> = { '#step': 'step', '#cursor': 'cursor' };
  const values: Record<string, unknown> = { ':step': from.step };
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    names[`#n_${name}`] = name;
    if (value === undefined) removes.push(name);
    else {
      values[`:v_${name}`] = value;
      sets.push(`#n_${name} = :v_${name}`);
    }
  }
  if (from.cursor !== undefined) values[':from'] = from.cursor;
  try {
    await deps.platformClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: platformKeys.deletion(from.tenantId),
        UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.map((name) => `#n_${name}`).join(', ')}` : ''].join(' ').trim(),
        ConditionExpression: from.cursor === undefined ? '#step = :step AND attribute_not_exists(#cursor)' : '#step = :step AND #cursor = :from',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    Object.assign(from, changes);
    for (const name of removes) delete (from as unknown as Record<string, unknown>)[name];
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

const cursorOf = (record: StoredDeletion): ScanCursor | undefined => (record.cursor === undefined ? undefined : (JSON.parse(record.cursor) as ScanCursor));
const nextCursor = (next: ScanCursor | undefined) => (next === undefined ? undefined : JSON.stringify(next));

function keyScan(deps: JobDependencies, tenantId: string, record: StoredDeletion) {
  return tenantKeyPage({ db: deps.keyScanClient ?? deps.platformClient, tableName: deps.tableName, tenantId, start: cursorOf(record) });
}

async function countObjects(deps: JobDependencies, tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const object of deps.objects.list(tenantObjectPrefix(tenantId))) {
    const area = areaOfKey(object.key) ?? 'other';
    counts[area] = (counts[area] ?? 0) + 1;
  }
  return counts;
}

/** Deletes up to a thousand of the authority's objects; how many it found. */
async function deleteSomeObjects(deps: JobDependencies, tenantId: string): Promise<number> {
  const keys: string[] = [];
  for await (const object of deps.objects.list(tenantObjectPrefix(tenantId))) {
    keys.push(object.key);
    if (keys.length === FILE_BATCH) break;
  }
  if (keys.length > 0) await deps.objects.deleteMany(keys);
  return keys.length;
}

/** Where `removing-accounts` has got: after a user record's key, or so many pages into the provider's leftover accounts. */
type AccountsCursor = UserKey | { sweep: number };

/**
 * One page of `removing-accounts`. The count moves with the cursor in one conditional update, so
 * an account is never counted twice however often a run stops and resumes, and a second run at once
 * stops at its first save.
 */
async function removeAccounts(deps: JobDependencies, tenantId: string, record: StoredDeletion): Promise<boolean> {
  const at = record.cursor === undefined ? undefined : (JSON.parse(record.cursor) as AccountsCursor);
  if (at === undefined || 'PK' in at) {
    const { next, stopped } = await removeSomeAccounts(deps, tenantId, at, (key, removed) => saveProgress(deps, record, { cursor: JSON.stringify(key), accountsRemoved: record.accountsRemoved + (removed ? 1 : 0) }));
    if (stopped) return false;
    if (next) return true;
    return saveProgress(deps, record, { cursor: JSON.stringify({ sweep: 0 }) });
  }
  const removed = await removeSomeProviderAccounts(deps, tenantId);
  if (removed > 0) return saveProgress(deps, record, { cursor: JSON.stringify({ sweep: at.sweep + 1 }), accountsRemoved: record.accountsRemoved + removed });
  return saveProgress(deps, record, { cursor: undefined, step: 'deleting-records' });
}

/** A short, stable number for the certificate: the authority and the moment its deletion finished. */
function certificateNumber(tenantId: string, finishedAt: string): string {
  return `WP-DEL-${createHash('sha256').update(`${tenantId}|${finishedAt}`).digest('hex').slice(0, 12).toUpperCase()}`;
}

async function finish(deps: JobDependencies, entry: TenantEntry, record: StoredDeletion): Promise<void> {
  const finishedAt = clock.nowIso();
  if (record.step !== 'done') {
    const saved = await saveProgress(deps, record, { step: 'done', recordsRemaining: 0, filesRemaining: 0, finishedAt, certificateNumber: certificateNumber(entry.id, finishedAt) });
    if (!saved) return;
  }
  try {
    await deps.platformClient.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: platformKeys.tenant(entry.id),
        UpdateExpression: 'SET #status = :deleted, deletedAt = :at, updatedAt = :at, #version = #version + :one',
        ConditionExpression: '#status = :deleting',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':deleted': 'deleted', ':deleting': 'deleting', ':at': record.finishedAt ?? finishedAt, ':one': 1 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return;
  }
  currentTenants.forget(entry.id);
  // The web address (and the first admin's email on its claim) go too; only if still this authority's.
  try {
    await deps.platformClient.send(new DeleteCommand({ TableName: deps.tableName, Key: platformKeys.slug(entry.slug), ConditionExpression: 'tenantId = :tenant', ExpressionAttributeValues: { ':tenant': entry.id } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  await recordPlatformActivity({ platform: platformOf(deps), actor: OFFBOARDING_JOB_ACTOR, action: 'deleted', tenantId: entry.id, at: record.finishedAt ?? finishedAt, changes: [] });
}

/**
 * Works on one authority being deleted until it is done or `deadline` (epoch ms) passes; the
 * next run carries on from the saved step and cursor. Returns the step it reached.
 */
export async function continueDeletion(deps: JobDependencies, entry: TenantEntry, deadline: number): Promise<DeletionStep> {
  const record = await ensureDeletionRecord(deps, entry);
  const tenantId = entry.id;
  const root = tenantKeys(tenantId).root;
  const db = deps.dataClientFor(tenantId);
  const step = async (): Promise<boolean> => {
    switch (record.step) {
      case 'counting': {
        const page = await keyScan(deps, tenantId, record);
        const counts = { ...record.counts };
        for (const key of page.keys) {
          const type = recordTypeOf(root, key).name;
          counts[type] = (counts[type] ?? 0) + 1;
        }
        if (page.next) return saveProgress(deps, record, { counts, cursor: nextCursor(page.next) });
        return saveProgress(deps, record, { counts, cursor: undefined, fileCounts: await countObjects(deps, tenantId), step: 'removing-sign-in-provider' });
      }
      case 'removing-sign-in-provider': {
        const removed = await removeSignInProvider(deps, tenantId);
        return saveProgress(deps, record, { signInProvidersRemoved: removed.providers, emailDomainsReleased: removed.domains, accountsRemoved: 0, step: 'removing-accounts' });
      }
      case 'removing-accounts':
        return removeAccounts(deps, tenantId, record);
      case 'deleting-records': {
        const page = await keyScan(deps, tenantId, record);
        await deleteKeys(db, deps.tableName, page.keys);
        return saveProgress(deps, record, page.next ? { cursor: nextCursor(page.next) } : { cursor: undefined, step: 'deleting-files' });
      }
      case 'deleting-files':
        if ((await deleteSomeObjects(deps, tenantId)) > 0) return true;
        return saveProgress(deps, record, { step: 'checking', found: 0 });
      case 'checking': {
        // Anything still here is deleted as it is found; only a pass that finds nothing finishes.
        const page = await keyScan(deps, tenantId, record);
        await deleteKeys(db, deps.tableName, page.keys);
        const found = (record.found ?? 0) + page.keys.length;
        if (page.next) return saveProgress(deps, record, { cursor: nextCursor(page.next), found });
        const filesLeft = await deleteSomeObjects(deps, tenantId);
        if (found > 0 || filesLeft > 0) {
          logger.info('deletion check found more to delete', { records: found, files: filesLeft });
          return saveProgress(deps, record, { cursor: undefined, found: 0 });
        }
        await finish(deps, entry, record);
        return false;
      }
      case 'done':
        // The certificate is written; a run that stopped before marking the entry finishes that.
        await finish(deps, entry, record);
        return false;
    }
  };
  // A deletion begun before its sign-in steps had these names carries on at the first of them.
  if ((record.step as string) === 'stopping-sign-in' && !(await saveProgress(deps, record, { step: 'removing-sign-in-provider' }))) return record.step;
  // At least one step per run, so even a run that starts late moves the deletion on.
  do {
    if (!(await step())) break;
  } while (Date.now() < deadline);
  return record.step;
}
