/**
 * Action reminders, every working-day morning beside the audit reminders (`npm run
 * job:reminders` runs both): for each tenant, actions falling due within a week and overdue
 * ones, to their owners and the managers of their teams. Deterministic outbox reasons mean
 * running twice in a day sends nothing new.
 */
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { remindActionsDue } from '../actions/action-reminders.ts';
import { tenantContext } from '../platform/auth/caller.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function sendActionReminders(deps: JobDependencies): Promise<JobResult> {
  const now = clock.now();
  const today = londonDate(now);
  const tenantIds = await listTenantIds(deps);
  let actionReminders = 0;
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    actionReminders += await remindActionsDue(tenant, today, now.toISOString());
  }
  return { tenants: tenantIds.length, actionReminders };
}
