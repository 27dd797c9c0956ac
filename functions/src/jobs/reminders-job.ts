/**
 * Reminders, every working-day morning: for each tenant, the audits due at the month end and
 * the records compliance checks still to do (actions have their own job, `action-reminders`, run alongside it). Each reminder's outbox
 * reason is deterministic, so running twice in a day sends nothing new.
 */
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { tenantContext } from '../platform/auth/caller.ts';
import { remindAuditsDue } from '../programmes/audit-reminders.ts';
import { remindComplianceChecksDue } from '../compliance/compliance-reminders.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function sendReminders(deps: JobDependencies): Promise<JobResult> {
  const now = clock.now();
  const today = londonDate(now);
  const tenantIds = await listTenantIds(deps);
  let auditReminders = 0;
  let complianceReminders = 0;
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    auditReminders += await remindAuditsDue(tenant, today, now.toISOString());
    complianceReminders += await remindComplianceChecksDue(tenant, today, now.toISOString());
  }
  return { tenants: tenantIds.length, auditReminders, complianceReminders };
}
