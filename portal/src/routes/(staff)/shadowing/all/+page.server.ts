/** "All shadowing", for leaders: how the programme is going, never what anyone wrote. */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { canLearnFromShadowing } from '$lib/shadowing/shadowing-permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canLearnFromShadowing(me.role)) error(403, 'You do not have access to this page');
  const api = createApi(event);
  const [overview, teams] = await Promise.all([shadowingApi(api).all(), api.teams()]);
  return { overview, teams: Object.fromEntries(teams.items.map((t) => [t.id, t.name])), scope: me.role === 'manager' ? ('teams' as const) : ('authority' as const) };
};
