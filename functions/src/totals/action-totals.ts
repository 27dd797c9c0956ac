/** After an action is written: what it adds to the totals of the month it was raised. */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { actionContribution } from '@waypoint/shared/dashboards/totals-contributions';
import { getAudit } from '../audits/audit-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange } from './totals-ledger.ts';

export function recordActionTotals(tenant: TenantContext, action: Action): Promise<void> {
  return recordSourceChange(tenant, async () => {
    // Actions raised before they kept their case type take their audit's; one from feedback may have none.
    const source = action.source;
    const caseType = action.caseType ?? (source.type === 'audit' ? (await getAudit(tenant, source.auditId))?.caseType : undefined);
    if (!caseType && source.type === 'audit') return undefined;
    return { kind: 'action', id: action.id, version: action.version, contribution: actionContribution(action, caseType) };
  });
}
