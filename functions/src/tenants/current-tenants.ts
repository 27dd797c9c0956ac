/**
 * Whether an authority's service is paused, checked on every staff request and every public
 * have-your-say request. The directory entry is remembered for at most a minute per process
 * through the same memory as the caller's user record (`current-records.ts`), so the check
 * costs a map lookup; the operator's change forgets it in this process at once, and every
 * other process notices within the minute.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { isServicePaused, type TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { ApiDependencies } from '../api/dependencies.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { createCurrentRecords } from '../platform/memory/current-records.ts';
import { getTenantEntry } from './tenant-directory.ts';

const entries = createCurrentRecords<TenantEntry | undefined>({ now: () => clock.now().getTime() });

export const currentTenants = {
  read: (deps: Pick<ApiDependencies, 'platformClient' | 'tableName'>, tenantId: string) => entries.read(tenantId, () => getTenantEntry({ db: deps.platformClient, tableName: deps.tableName }, tenantId)),
  forget: (tenantId: string) => entries.forget(tenantId),
  forgetEveryone: () => entries.forgetEveryone(),
};

export const servicePaused = () => new ApiError('tenant-suspended', 'This authority’s Waypoint service is paused. Nothing can be seen or changed until it is resumed.', { reason: 'tenant-suspended' });

/**
 * 403 `tenant-suspended` while the authority is suspended or has left. An authority with no
 * directory entry is not refused here: only an explicit pause closes a service.
 */
export async function requireServiceOpen(deps: Pick<ApiDependencies, 'platformClient' | 'tableName'>, tenantId: string): Promise<void> {
  const entry = await currentTenants.read(deps, tenantId);
  if (entry && isServicePaused(entry, londonDate(clock.now()))) throw servicePaused();
}
