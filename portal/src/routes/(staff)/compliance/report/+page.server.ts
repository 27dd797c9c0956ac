/** The records compliance report: 12 months ending with the month chosen, for the authority or one team. */
import { londonMonth } from '@waypoint/shared/time/clock';
import { complianceApi } from '$lib/compliance/compliance-api.server';
import { reportQuery } from '$lib/compliance/report-filters';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const query = reportQuery(event.url.searchParams);
  const api = createApi(event);
  const current = londonMonth(new Date());
  // A month ahead or a team that no longer exists shows the default report rather than failing.
  const teams = (await api.teams()).items.map((t) => ({ id: t.id, name: t.name }));
  const safe = { ...(query.to && query.to <= current ? { to: query.to } : {}), ...(query.team && teams.some((t) => t.id === query.team) ? { team: query.team } : {}) };
  const report = await complianceApi(api).report(safe);
  return { report, query: safe, teams, current };
};
