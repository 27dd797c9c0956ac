/**
 * What the operator's and the admin's export routes share: asking for an export (an export
 * already being made is answered again, so a retried request makes one) and the link to a
 * ready one, valid for a minute and given only after the route has checked the caller.
 */
import type { ApiDependencies } from '../api/dependencies.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { createDataExport, getDataExport, listUnfinishedExports } from './data-export-store.ts';

export const DOWNLOAD_SECONDS = 60;

export async function askForExport(deps: ApiDependencies, tenant: TenantContext, requestedBy: string) {
  const unfinished = await listUnfinishedExports(tenant);
  if (unfinished[0]) return { record: unfinished[0], created: false };
  const record = await createDataExport(tenant, requestedBy);
  deps.startDataExport?.(tenant.tenantId, record.id);
  return { record, created: true };
}

export async function downloadLink(deps: ApiDependencies, tenant: TenantContext, exportId: string) {
  const record = await getDataExport(tenant, exportId);
  if (!record) throw notFound('export');
  if (record.state !== 'ready' || !record.objectKey) throw new ApiError('conflict', 'This export is still being made; try again in a few minutes', { reason: 'export-not-ready' });
  const url = await deps.objects.presignGet({ key: record.objectKey, filename: record.filename ?? `${record.id}.zip`, contentType: 'application/zip', expiresSeconds: DOWNLOAD_SECONDS });
  return { url, expiresInSeconds: DOWNLOAD_SECONDS };
}
