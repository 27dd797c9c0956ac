/**
 * What follows a completion, after the audit itself is written: the child's journey is
 * frozen beside it, and an Inadequate overall grade plans a re-audit. Both write items
 * whose keys derive from the audit, so a retried completion rewrites rather than repeats.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { snapshotJourney } from '../journey/audit-journey.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { scheduleReaudit } from '../programmes/reaudits.ts';

export async function afterAuditCompleted(tenant: TenantContext, actor: Pick<StaffCaller, 'userId'>, audit: Audit, at: string): Promise<void> {
  await snapshotJourney(tenant, audit, at);
  await scheduleReaudit(tenant, audit, actor, at);
}
