/** "What shadowing teaches us", for leaders: themes across shadowing, what practitioners said leaders should change, and the actions raised. */
import { error } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { canLearnFromShadowing } from '$lib/shadowing/shadowing-permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canLearnFromShadowing(me.role)) error(403, 'You do not have access to this page');
  return { learning: await shadowingApi(createApi(event)).learning(), isManager: me.role === 'manager' };
};
