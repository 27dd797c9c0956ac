/**
 * The imports function's two kinds of run in AWS (imports/lambda.ts). A run on one import
 * works on it until it waits for a person, is done, or the run's time is nearly up; then, if
 * the import still has work to do and this run moved it on, it starts the next run, which
 * resumes from the checkpoint. The scheduled sweep starts a run for every import with work to
 * do that no run holds (one whose run died, or whose start was lost), so nothing waits for long.
 */
import { ImportId } from '@waypoint/shared/imports/import-schemas';
import { isTenantId } from '@waypoint/shared/tenancy/keys';
import * as v from 'valibot';
import { tenantContext } from '../platform/auth/caller.ts';
import { logger } from '../platform/logging/logger.ts';
import { listTenantIds } from '../tenants/tenant-directory.ts';
import type { JobDependencies, JobResult } from '../jobs/job-registry.ts';
import { workOnOneImport } from './import-job.ts';
import type { ImportWorkOptions } from './import-work.ts';
import { ACTIVE_IMPORT_STATUSES, getImport, listActiveImports } from './import-store.ts';
import type { ImportWorkRequest, StartImportRun } from './lambda-import-work.ts';

/**
 * Runs one after the other on one import, at most. A 50,000-row file takes one or two; a run
 * that keeps moving an import on without finishing it is stopped here and left to the sweep.
 */
export const MAX_RUNS_IN_A_ROW = 50;

/** An invocation's event, if it asks for work on one import. */
export function importWorkRequest(event: unknown): ImportWorkRequest | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const { tenantId, importId, run } = event as Record<string, unknown>;
  if (typeof tenantId !== 'string' || !isTenantId(tenantId) || !v.is(ImportId, importId)) return undefined;
  return { tenantId, importId, run: typeof run === 'number' && Number.isInteger(run) && run > 0 ? run : 1 };
}

export async function runOneImport(
  deps: JobDependencies,
  request: ImportWorkRequest,
  options: { deadline: number; startNext: StartImportRun; /** Tests only: smaller chunks, a hook after each. */ work?: Pick<ImportWorkOptions, 'chunkRows' | 'afterChunkApplied'> },
): Promise<JobResult> {
  const tenant = tenantContext({ tenantId: request.tenantId, db: deps.dataClientFor(request.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
  const before = await getImport(tenant, request.importId);
  if (!before || !ACTIVE_IMPORT_STATUSES.includes(before.status)) return { imports: 0, continued: 0 };
  // False when another run holds the import, or this one stopped on an error (logged); the sweep tries again.
  if (!(await workOnOneImport(deps, tenant, request.importId, { ...options.work, deadline: options.deadline }))) return { imports: 0, continued: 0 };
  const after = await getImport(tenant, request.importId);
  const run = request.run ?? 1;
  // Every step of the work moves the import's version on; a run that moved nothing would only start another like it.
  const moved = after !== undefined && after.version !== before.version;
  if (!after || !ACTIVE_IMPORT_STATUSES.includes(after.status) || !moved) return { imports: 1, continued: 0 };
  if (run >= MAX_RUNS_IN_A_ROW) {
    logger.warn('import left for the schedule after many runs in a row', { importId: request.importId, runs: run });
    return { imports: 1, continued: 0 };
  }
  await options.startNext({ tenantId: request.tenantId, importId: request.importId, run: run + 1 });
  return { imports: 1, continued: 1 };
}

/** The sweep: a run for each import, in every authority, that has work to do and that no run holds. */
export async function startWaitingImports(deps: JobDependencies, startRun: StartImportRun, now = Date.now()): Promise<JobResult> {
  let started = 0;
  for (const tenantId of await listTenantIds(deps)) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    for (const record of await listActiveImports(tenant)) {
      if (record.leaseUntil !== undefined && record.leaseUntil > now) continue;
      await startRun({ tenantId, importId: record.id, run: 1 });
      started++;
    }
  }
  return { started };
}
