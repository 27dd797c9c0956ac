/**
 * Escalating safeguarding concerns from audits that nobody acknowledged in time: for each
 * tenant, every open audit alert past its `acknowledgeBy` with no acknowledgement is emailed
 * to the authority's senior managers and marked `escalatedAt`, which also puts it on the
 * dashboard's list. The emails go first, with a reason per alert and person, then the mark
 * (conditional on no mark and no acknowledgement), so a run interrupted between the two sends
 * nothing twice, and an alert is escalated once however often the job runs.
 */
import { clock } from '@waypoint/shared/time/clock';
import { formatDateTime } from '@waypoint/shared/formatting/dates';
import type { AuditAlert } from '@waypoint/shared/engagement/alert-schemas';
import { markEscalated, unacknowledgedAuditAlerts } from '../alerts/alert-store.ts';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getTeam } from '../teams/team-store.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import { listUsers } from '../users/user-store.ts';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { JobDependencies, JobResult } from './job-registry.ts';

async function seniorManagers(tenant: TenantContext): Promise<User[]> {
  const found: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ tenant, limit: 100, cursor });
    found.push(...page.items.filter((u) => u.active && u.role === 'senior'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

async function escalate(tenant: TenantContext, alert: AuditAlert, seniors: User[], at: string): Promise<boolean> {
  const team = (await getTeam(tenant, alert.teamId))?.name ?? 'a team no longer listed';
  for (const person of seniors) {
    await queueEmail({
      tenant,
      reason: `alert-escalated:${alert.id}:${person.id}`,
      to: person.email,
      subject: `Safeguarding concern not acknowledged: audit of case ${alert.caseRef}`,
      text: `Hello ${person.name},\n\nA safeguarding concern was flagged in the audit of case ${alert.caseRef} (${team}) on ${formatDateTime(alert.raisedAt)}. No team manager or QA officer had acknowledged it by ${formatDateTime(alert.acknowledgeBy)}, so it has come to you. Please make sure someone acts on it today under your safeguarding procedures.\n\nRead the alert in Waypoint: ${portalLink(tenant, `/alerts/${alert.id}`)}\n`,
      at,
    });
  }
  return markEscalated(tenant, alert, at);
}

export async function escalateUnacknowledgedAlerts(deps: JobDependencies): Promise<JobResult> {
  const now = clock.now();
  const at = now.toISOString();
  const tenantIds = await listTenantIds(deps);
  let escalated = 0;
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    const due = (await unacknowledgedAuditAlerts(tenant)).filter((alert) => alert.acknowledgeBy <= at);
    if (!due.length) continue;
    const seniors = await seniorManagers(tenant);
    for (const alert of due) if (await escalate(tenant, alert, seniors, at)) escalated++;
  }
  return { tenants: tenantIds.length, escalated };
}
