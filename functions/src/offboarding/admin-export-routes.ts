/**
 * The authority's own admin's full exports of its data (`/v1/data-exports`), while its service
 * is open (the staff routes' checks refuse a paused authority). The activity log records who
 * asked.
 */
import { Hono } from 'hono';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { askForExport, downloadLink } from './data-export-access.ts';
import { exportResource, getDataExport, listDataExports } from './data-export-store.ts';

export const adminExportRoutes = new Hono<AppEnv>();

adminExportRoutes.get('/', async (c) => {
  requireRole(c.var.staff, ['admin']);
  return c.json({ items: (await listDataExports(c.var.tenant)).map(exportResource) });
});

adminExportRoutes.post('/', async (c) => {
  const { deps, tenant, staff } = c.var;
  requireRole(staff, ['admin']);
  const { record, created } = await askForExport(deps, tenant, staff.userId);
  if (created) await recordActivity({ tenant, actor: staff, action: 'created', entity: 'data-export', entityId: record.id, versionBefore: null, versionAfter: 1, at: clock.nowIso(), changes: [] });
  c.header('Location', `/v1/data-exports/${record.id}`);
  return c.json(exportResource(record), created ? 201 : 200);
});

adminExportRoutes.get('/:id', async (c) => {
  requireRole(c.var.staff, ['admin']);
  const record = await getDataExport(c.var.tenant, readParam(c, 'id', EntityId));
  if (!record) throw notFound('export');
  return c.json(exportResource(record));
});

adminExportRoutes.get('/:id/download', async (c) => {
  requireRole(c.var.staff, ['admin']);
  return c.json(await downloadLink(c.var.deps, c.var.tenant, readParam(c, 'id', EntityId)));
});
