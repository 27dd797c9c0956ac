/** After an audit's grade views change: what they add to the audit's month, at its team and case type. */
import type { GradeViews } from '@waypoint/shared/audits/grade-view-schemas';
import { gradeViewsContribution } from '@waypoint/shared/audits/grade-view-totals';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordSourceChange, type SourceChange } from './totals-ledger.ts';

export function gradeViewsChange(doc: Pick<GradeViews, 'auditId' | 'version' | 'month' | 'teamId' | 'caseType' | 'views'>): SourceChange {
  return { kind: 'grade-views', id: doc.auditId, version: doc.version, contribution: gradeViewsContribution(doc) };
}

export function recordGradeViewTotals(tenant: TenantContext, doc: GradeViews): Promise<void> {
  return recordSourceChange(tenant, async () => gradeViewsChange(doc));
}
