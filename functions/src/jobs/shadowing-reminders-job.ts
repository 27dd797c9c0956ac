/**
 * Work shadowing reminders, every working-day morning beside the other reminders (`npm run
 * job:reminders` runs them all): requests waiting for an answer and feedback still owed.
 */
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { tenantContext } from '../platform/auth/caller.ts';
import { remindShadowing } from '../shadowing/shadowing-reminders.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function sendShadowingReminders(deps: JobDependencies): Promise<JobResult> {
  const now = clock.now();
  const today = londonDate(now);
  const tenantIds = await listTenantIds(deps);
  let shadowingReminders = 0;
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    shadowingReminders += await remindShadowing(tenant, today, now.toISOString());
  }
  return { tenants: tenantIds.length, shadowingReminders };
}
