/** "My team's actions": a manager's teams (or one of them), or any team for QA officers and senior managers; overdue first. */
import { error } from '@sveltejs/kit';
import { actionApi } from '$lib/actions/action-api.server';
import { canReadTeamActions, offersTeamFilter } from '$lib/actions/action-permissions';
import { listFilters } from '$lib/actions/list-filters';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadTeamActions(me.role)) error(404, 'Page not found');
  const filters = listFilters(event.url.searchParams);
  const api = createApi(event);
  const teamFilter = offersTeamFilter(me.role, me.teams.length);
  const teams = teamFilter ? (me.role === 'manager' ? me.teams : (await api.teams()).items.map((t) => ({ id: t.id, name: t.name }))) : me.teams;
  // A team not offered is ignored rather than sent on to be refused.
  const team = teamFilter && teams.some((t) => t.id === filters.team) ? filters.team : undefined;
  const page = await actionApi(api).list({ view: 'team', status: filters.status, team, cursor: filters.cursor });
  return { page, filters: { ...filters, team }, teams, teamFilter };
};
