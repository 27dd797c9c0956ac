/**
 * What the programme adds to an audit's read view: the child's journey as it stood with
 * its timescales, QA's moderation, and for re-audits the audit they follow up (with its
 * actions), or for an Inadequate audit where its re-audit stands.
 */
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { CaseViewer } from '../cases/case-scope.ts';
import { auditJourney } from '../journey/audit-journey.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { previousAuditOf, reauditLinkOf } from '../programmes/reaudits.ts';
import type { AuditPartition } from './audit-store.ts';

export type AuditReadExtras = Required<Pick<AuditDetail, 'journey' | 'moderation' | 'previousAudit' | 'reaudit'>>;

export async function auditReadExtras(tenant: TenantContext, viewer: CaseViewer, found: AuditPartition): Promise<AuditReadExtras> {
  const audit: Audit = found.audit;
  const [journey, previousAudit, reaudit] = await Promise.all([auditJourney(tenant, audit, found.journeySnapshot), previousAuditOf(tenant, viewer, audit), reauditLinkOf(tenant, audit)]);
  return { journey, moderation: found.moderation ?? null, previousAudit, reaudit };
}
