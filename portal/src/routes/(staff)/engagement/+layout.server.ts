/** Engagement is for the staff who run activities and give out codes; tenant admins and students see none. */
import { error } from '@sveltejs/kit';
import { canReadEngagement } from '$lib/engagement/engagement-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canReadEngagement(me.role)) error(403, 'You do not have access to this page');
  return {};
};
