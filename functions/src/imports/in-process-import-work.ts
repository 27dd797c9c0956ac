/**
 * On one machine the API starts the import job itself, in its own process, the moment a
 * person moves an import on: one pass per import at a time (a second request while it runs
 * asks for another pass after it, so nothing moved on meanwhile waits for the timer).
 */
import { tenantContext } from '../platform/auth/caller.ts';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { logger } from '../platform/logging/logger.ts';
import { workOnOneImport } from './import-job.ts';

export function inProcessImportWork(deps: JobDependencies) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const start = (tenantId: string, importId: string) => {
    const key = `${tenantId}/${importId}`;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    const pass = (async () => {
      do {
        again.delete(key);
        await workOnOneImport(deps, tenant, importId);
      } while (again.has(key));
    })()
      .catch((error: unknown) => logger.error('import pass failed', { importId, error: error instanceof Error ? error.message : 'unknown' }))
      .finally(() => running.delete(key));
    running.set(key, pass);
  };
  /** Waits for the passes under way, so a stack stops with no import half-way through a chunk. */
  const settle = async () => {
    await Promise.all(running.values());
  };
  return { start, settle };
}
