/** After an audit is written: what it adds to its month's totals, with its case's demographics as they are now. */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { auditContribution } from '@waypoint/shared/dashboards/totals-contributions';
import { getCase } from '../cases/case-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange } from './totals-ledger.ts';

export function recordAuditTotals(tenant: TenantContext, audit: Audit): Promise<void> {
  return recordSourceChange(tenant, async () => {
    const auditedCase = await getCase(tenant, audit.caseRef);
    return { kind: 'audit', id: audit.id, version: audit.version, contribution: auditContribution(audit, auditedCase) };
  });
}
