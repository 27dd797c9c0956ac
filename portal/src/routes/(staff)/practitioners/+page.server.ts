/** "Learning": your own record, or for a manager the team members whose records they may read (listed by name, never ranked). */
import { error, redirect } from '@sveltejs/kit';
import { hasOwnLearning, listsTeamLearning } from '$lib/practitioners/learning-permissions';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!listsTeamLearning(me.role)) {
    if (hasOwnLearning(me.role)) redirect(303, `/practitioners/${encodeURIComponent(me.user.id)}`);
    error(404, 'Page not found');
  }
  const api = createApi(event);
  const pages = await Promise.all(me.teams.map((t) => api.users({ team: t.id, limit: 100 })));
  const people = new Map<string, string>();
  for (const user of pages.flatMap((p) => p.items)) if (user.active && user.id !== me.user.id) people.set(user.id, user.name);
  // Alphabetical, so the order says nothing about anyone's practice.
  const members = [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return { members };
};
