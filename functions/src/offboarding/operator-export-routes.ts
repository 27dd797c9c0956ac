/**
 * The platform operator's full exports of an authority's data
 * (`/v1/platform/tenants/{id}/exports`): asked for until the authority's deletion starts, read
 * and downloaded until it is deleted. Counts and progress only; the data itself goes by the
 * download link.
 */
import { Hono } from 'hono';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import type { AppEnv } from '../api/app-env.ts';
import type { ApiDependencies } from '../api/dependencies.ts';
import { recordPlatformActivity } from '../platform/activity/platform-activity-log.ts';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { platformStore, TenantId } from '../tenants/tenant-routes.ts';
import { findTenantEntry } from '../tenants/tenant-status.ts';
import { askForExport, downloadLink } from './data-export-access.ts';
import { exportResource, getDataExport, listDataExports } from './data-export-store.ts';

/** The operator's: the authority must exist and not be (being) deleted. */
async function operatorTenant(deps: ApiDependencies, id: string, forWriting: boolean): Promise<TenantContext> {
  const entry = await findTenantEntry(platformStore(deps), id);
  if (entry.status === 'deleted' || (forWriting && entry.status === 'deleting')) {
    throw new ApiError('conflict', 'This authority’s data is being deleted or has been deleted', { reason: 'tenant-deleted' });
  }
  return tenantContext({ tenantId: entry.id, db: deps.dataClientFor(entry.id), tableName: deps.tableName, portalUrl: deps.portalUrl });
}

export const operatorExportRoutes = new Hono<AppEnv>();

operatorExportRoutes.get('/:id/exports', async (c) => {
  const tenant = await operatorTenant(c.var.deps, readParam(c, 'id', TenantId), false);
  return c.json({ items: (await listDataExports(tenant)).map(exportResource) });
});

operatorExportRoutes.post('/:id/exports', async (c) => {
  const { deps, caller } = c.var;
  const tenant = await operatorTenant(deps, readParam(c, 'id', TenantId), true);
  const { record, created } = await askForExport(deps, tenant, 'operator');
  if (created) await recordPlatformActivity({ platform: platformStore(deps), actor: caller, action: 'export-requested', tenantId: tenant.tenantId, at: record.requestedAt, changes: [] });
  c.header('Location', `/v1/platform/tenants/${tenant.tenantId}/exports/${record.id}`);
  return c.json(exportResource(record), created ? 201 : 200);
});

operatorExportRoutes.get('/:id/exports/:exportId', async (c) => {
  const tenant = await operatorTenant(c.var.deps, readParam(c, 'id', TenantId), false);
  const record = await getDataExport(tenant, readParam(c, 'exportId', EntityId));
  if (!record) throw notFound('export');
  return c.json(exportResource(record));
});

operatorExportRoutes.get('/:id/exports/:exportId/download', async (c) => {
  const tenant = await operatorTenant(c.var.deps, readParam(c, 'id', TenantId), false);
  return c.json(await downloadLink(c.var.deps, tenant, readParam(c, 'exportId', EntityId)));
});
