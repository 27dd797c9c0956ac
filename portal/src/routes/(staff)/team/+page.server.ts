/** "Team": the teams whose page the caller may open (a manager's own, or every team for QA officers and senior managers), in alphabetical order. */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { canReadTeamPages, readsEveryTeam } from '$lib/team/team-permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadTeamPages(me.role)) error(404, 'Page not found');
  const teams = readsEveryTeam(me.role) ? (await createApi(event).teams()).items.filter((t) => t.status !== 'closed').map((t) => ({ id: t.id, name: t.name })) : me.teams;
  return { teams: [...teams].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
};
