/**
 * What the operator's and the admin's export routes share: asking for an export (an export
 * already being made is answered again, so a retried request makes one; a new one is started at
 * once) and the link to a
 * ready one, valid for a minute and given only after the route has checked the caller.
 */
import type { ApiDependencies } from '../api/dependencies.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { logger } from '../platform/logging/logger.ts';
import { createDataExport, getDataExport, listUnfinishedExports } from './data-export-store.ts';

export const DOWNLOAD_SECONDS = 60;

export async function askForExport(deps: ApiDependencies, tenant: TenantContext, requestedBy: string) {
  const unfinished = await listUnfinishedExports(tenant);
  if (unfinished[0]) return { record: unfinished[0], created: false };
  const record = await createDataExport(tenant, requestedBy);
  try {
    await deps.startDataExport?.(tenant.tenantId, record.id);
  } catch (error) {
    // The export is asked for whatever happens here: the offboarding job's next run makes one whose start was lost.
    logger.warn('data export not started; the offboarding job will make it', { exportId: record.id, error: error instanceof Error ? error.message : 'unknown' });
  }
  return { record, created: true };
}

export async function downloadLink(deps: ApiDependencies, tenant: TenantContext, exportId: string) {
  const record = await getDataExport(tenant, exportId);
  if (!record) throw notFound('export');
  if (record.state !== 'ready' || !record.objectKey) throw new ApiError('conflict', 'This export is still being made; try again in a few minutes', { reason: 'export-not-ready' });
  const url = await deps.objects.presignGet({ key: record.objectKey, filename: record.filename ?? `${record.id}.zip`, contentType: 'application/zip', expiresSeconds: DOWNLOAD_SECONDS });
  return { url, expiresInSeconds: DOWNLOAD_SECONDS };
}
