/**
 * `npm run job:reconcile` (nightly in AWS): repairs, for every tenant, what a crash or a late
 * request can leave short. First it moves records a late request left under a changed case
 * reference (case-reference-late-sweep.ts), then it rebuilds the monthly totals and the
 * open-actions list from the source items, and repairs the copies of actions beside their
 * audits (action-copies-repair.ts).
 */
import { clock } from '@waypoint/shared/time/clock';
import { repairActionCopies } from '../actions/action-copies-repair.ts';
import { sweepFinishedMoves } from '../cases/case-reference-late-sweep.ts';
import { tenantContext } from '../platform/auth/caller.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import { reconcileTenantTotals } from '../totals/totals-reconcile.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function reconcileTotals(deps: JobDependencies): Promise<JobResult> {
  const tenantIds = await listTenantIds(deps);
  const result: JobResult = { tenants: tenantIds.length, lateRecordsMoved: 0, sources: 0, totals: 0, removed: 0, openActions: 0, actionCopies: 0 };
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    result.lateRecordsMoved! += await sweepFinishedMoves(tenant, clock.now());
    const done = await reconcileTenantTotals(tenant);
    for (const [name, n] of Object.entries(done)) result[name] = (result[name] ?? 0) + n;
    result.actionCopies! += await repairActionCopies(tenant);
  }
  return result;
}
