/** After a moderation is written: its agreement cells, in its audit's month, team and case type. */
import { moderationContribution } from '@waypoint/shared/dashboards/totals-contributions';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import { getAudit } from '../audits/audit-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange } from './totals-ledger.ts';

export function recordModerationTotals(tenant: TenantContext, moderation: Moderation): Promise<void> {
  return recordSourceChange(tenant, async () => {
    const audit = await getAudit(tenant, moderation.auditId);
    if (!audit) return undefined;
    return { kind: 'moderation', id: moderation.auditId, version: moderation.version, contribution: moderationContribution(moderation, audit.caseType) };
  });
}
