/** The rows behind one figure as CSV, written by the same shared, formula-defusing writer the API's export uses. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { serviceFigureCsv } from '@waypoint/shared/dashboards/service-csv';
import { SERVICE_FIGURES } from '@waypoint/shared/dashboards/service-view-schemas';
import { isStaffRole } from '@waypoint/shared/tenancy/roles';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { dashboardApi } from '$lib/dashboard/dashboard-api.server';
import { dashboardQuery } from '$lib/dashboard/dashboard-filters';
import { canReadServiceDashboard } from '$lib/dashboard/dashboard-permissions';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const figure = v.safeParse(v.picklist(SERVICE_FIGURES), event.params.figure.replace(/\.csv$/, ''));
  if (!figure.success) error(404, 'Page not found');
  const api = createApi(event);
  const me = await api.me();
  if (!isStaffRole(me.role) || !canReadServiceDashboard(me.role)) error(404, 'Page not found');
  const [view, labels] = await Promise.all([dashboardApi(api).service(dashboardQuery(event.url.searchParams)), readGradeLabels(api)]);
  const { filename, csv } = serviceFigureCsv(view, figure.output, labels);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
};
