/**
 * Suspending, resuming and offboarding an authority: a versioned change of its directory
 * entry, the one place its status is kept. The change is forgotten from this process's
 * memory at once (`current-tenants.ts`), so it applies here to the very next request and on
 * every other server within a minute. No data is deleted here: once an offboarding authority's
 * cooling-off period has passed, the offboarding job deletes it (`offboarding/`), and from the
 * moment that job starts no status can be changed any more.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import { statusAction, type ChangeTenantStatusBody, type TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { recordPlatformActivity } from '../platform/activity/platform-activity-log.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { changedFields, updateVersioned, type ItemStore } from '../platform/database/versioned-items.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { currentTenants } from './current-tenants.ts';
import { ensureEntryVersion, getTenantEntry } from './tenant-directory.ts';

export async function findTenantEntry(platform: ItemStore, tenantId: string): Promise<TenantEntry> {
  const entry = await getTenantEntry(platform, tenantId);
  if (!entry) throw notFound('authority');
  return entry;
}

export async function changeTenantStatus(options: { platform: ItemStore; tenantId: string; expectedVersion: number; body: ChangeTenantStatusBody; actor: Caller }): Promise<TenantEntry> {
  const { platform, tenantId, body } = options;
  const current = await findTenantEntry(platform, tenantId);
  const now = clock.now();
  if (current.status === 'deleting' || current.status === 'deleted') {
    throw new ApiError('conflict', 'This authority’s data is being deleted or has been deleted; its status can no longer be changed', { reason: 'tenant-deleted' });
  }
  if (body.leavesOn !== undefined && body.leavesOn < londonDate(now)) {
    throw new ApiError('validation', 'The request is not valid', { errors: [{ path: 'leavesOn', message: 'Choose today or a day after today' }] });
  }
  if (current.version !== options.expectedVersion) throw new ApiError('precondition-failed', `The authority was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  await ensureEntryVersion(platform, tenantId);
  const at = now.toISOString();
  const { before, after, changed } = await updateVersioned<TenantEntry>({
    tenant: platform,
    current,
    key: platformKeys.tenant(tenantId),
    expectedVersion: options.expectedVersion,
    changes: { status: body.status, leavesOn: body.leavesOn ?? null },
    at,
    what: 'authority',
  });
  currentTenants.forget(tenantId);
  if (changed) {
    await recordPlatformActivity({ platform, actor: options.actor, action: statusAction(body.status), tenantId, at, changes: changedFields({ ...before }, { ...after }) });
  }
  return after;
}
