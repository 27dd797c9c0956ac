/**
 * On one machine the API makes a full data export itself, in its own process, the moment it is
 * asked for; one export at a time per authority (a second request meanwhile is the same export).
 */
import type { JobDependencies } from '../jobs/job-registry.ts';
import { logger } from '../platform/logging/logger.ts';
import { workOnExportNow } from './data-export-job.ts';

export function inProcessExportWork(deps: JobDependencies) {
  const running = new Map<string, Promise<void>>();
  const start = (tenantId: string, exportId: string) => {
    const key = `${tenantId}/${exportId}`;
    if (running.has(key)) return;
    const pass = workOnExportNow(deps, tenantId, exportId, Number.POSITIVE_INFINITY)
      .catch((error: unknown) => logger.error('data export pass failed', { exportId, error: error instanceof Error ? error.message : 'unknown' }))
      .finally(() => running.delete(key));
    running.set(key, pass);
  };
  /** Waits for the exports under way, so a stack stops with none half-written. */
  const settle = async () => {
    await Promise.all(running.values());
  };
  return { start, settle };
}
