/** After a records compliance check is written: what it adds to its month's totals, at the case's team and type when checked. */
import type { ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import { complianceContribution } from '@waypoint/shared/compliance/compliance-totals';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange, type SourceChange } from './totals-ledger.ts';

export function complianceChange(check: Pick<ComplianceCheck, 'id' | 'version' | 'month' | 'teamId' | 'caseType' | 'answers'>): SourceChange {
  return { kind: 'compliance', id: check.id, version: check.version, contribution: complianceContribution(check) };
}

export function recordComplianceTotals(tenant: TenantContext, check: ComplianceCheck): Promise<void> {
  return recordSourceChange(tenant, async () => complianceChange(check));
}
