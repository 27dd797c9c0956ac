/** "My actions": the caller's own, open ones overdue first (the API's order) or closed ones newest first. */
import { actionApi } from '$lib/actions/action-api.server';
import { listFilters } from '$lib/actions/list-filters';
import { canReadTeamActions } from '$lib/actions/action-permissions';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const filters = listFilters(event.url.searchParams);
  const page = await actionApi(createApi(event)).list({ view: 'mine', status: filters.status, cursor: filters.cursor });
  return { page, filters, canSeeTeam: canReadTeamActions(me.role) };
};
