/**
 * An audit's grade views in DynamoDB: one versioned document in the audit's partition (so the
 * audit's read view gets it in its one Query), indexed on GSI1 for the reconcile job. Created
 * conditionally on absence, changed conditionally on its version.
 */
import type { GradeViews } from '@waypoint/shared/audits/grade-view-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';
import { recordGradeViewTotals } from '../totals/grade-view-totals.ts';

export function getGradeViews(tenant: TenantContext, auditId: string): Promise<GradeViews | undefined> {
  return getItem<GradeViews>(tenant, tenant.keys.gradeViews(auditId));
}

/** The first view on an audit; a 409 when someone else's first view landed first. */
export async function createGradeViews(tenant: TenantContext, doc: GradeViews): Promise<GradeViews> {
  await createItem({ tenant, key: tenant.keys.gradeViews(doc.auditId), item: { ...doc, ...tenant.keys.gradeViewsIndexEntries(doc) }, what: 'set of grade views' });
  await recordGradeViewTotals(tenant, doc);
  return doc;
}

/** Replaces the views if the document is still at `expectedVersion` (412 otherwise); writes nothing when they are unchanged. */
export async function replaceGradeViews(tenant: TenantContext, current: GradeViews, expectedVersion: number, views: GradeViews['views'], at: string): Promise<{ after: GradeViews; changed: boolean }> {
  const { after, changed } = await updateVersioned<GradeViews>({ tenant, key: tenant.keys.gradeViews(current.auditId), expectedVersion, changes: { views }, at, what: 'set of grade views', current });
  if (changed) await recordGradeViewTotals(tenant, after);
  return { after, changed };
}
