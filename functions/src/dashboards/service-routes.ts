/**
 * `/v1/dashboards/service`: the service-level view for QA officers and senior managers, and
 * the CSV of the rows behind each of its figures. Nothing in it names or ranks staff.
 */
import { Hono } from 'hono';
import { serviceFigureCsv } from '@waypoint/shared/dashboards/service-csv';
import { ServiceExportQuery, ServiceViewQuery } from '@waypoint/shared/dashboards/service-view-schemas';
import { DEFAULT_GRADE_LABELS } from '@waypoint/shared/settings/settings-schemas';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import type { AppEnv } from '../api/app-env.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { readQuery } from '../platform/http/validation.ts';
import { getSettings } from '../settings/settings-store.ts';
import { readServiceView } from './service-view.ts';

export const SERVICE_VIEWERS: readonly StaffRole[] = ['qa', 'senior'];

export const serviceRoutes = new Hono<AppEnv>();

serviceRoutes.get('/service', async (c) => {
  requireRole(c.var.staff, SERVICE_VIEWERS);
  const query = readQuery(c, ServiceViewQuery);
  return c.json(await readServiceView(c.var.tenant, query));
});

serviceRoutes.get('/service/export', async (c) => {
  requireRole(c.var.staff, SERVICE_VIEWERS);
  const { figure, ...query } = readQuery(c, ServiceExportQuery);
  const [view, settings] = await Promise.all([readServiceView(c.var.tenant, query), getSettings(c.var.tenant)]);
  const { filename, csv } = serviceFigureCsv(view, figure, settings?.gradeLabels ?? DEFAULT_GRADE_LABELS);
  return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
});
