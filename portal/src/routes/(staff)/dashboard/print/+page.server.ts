/** The service dashboard laid out for paper: the same figures and filters, no forms or download links. */
import { error } from '@sveltejs/kit';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { dashboardApi } from '$lib/dashboard/dashboard-api.server';
import { dashboardQuery } from '$lib/dashboard/dashboard-filters';
import { canReadServiceDashboard } from '$lib/dashboard/dashboard-permissions';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadServiceDashboard(me.role)) error(404, 'Page not found');
  const query = dashboardQuery(event.url.searchParams);
  const api = createApi(event);
  const [view, teams, labels] = await Promise.all([dashboardApi(api).service(query), api.teams(), readGradeLabels(api)]);
  return { view, query, labels, teams: teams.items.map((t) => ({ id: t.id, name: t.name })) };
};
