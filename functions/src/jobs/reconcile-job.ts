/**
 * `npm run job:reconcile` (nightly in AWS): rebuilds every tenant's monthly totals and
 * open-actions list from the source items, repairing anything a crash left short.
 */
import { tenantContext } from '../platform/auth/caller.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import { reconcileTenantTotals } from '../totals/totals-reconcile.ts';
import type { JobDependencies, JobResult } from './job-registry.ts';

export async function reconcileTotals(deps: JobDependencies): Promise<JobResult> {
  const tenantIds = await listTenantIds(deps);
  const result: JobResult = { tenants: tenantIds.length, sources: 0, totals: 0, removed: 0, openActions: 0 };
  for (const tenantId of tenantIds) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    const done = await reconcileTenantTotals(tenant);
    for (const [name, n] of Object.entries(done)) result[name] = (result[name] ?? 0) + n;
  }
  return result;
}
