/** Safety alerts are for those who act on safeguarding: team managers (their teams), QA officers and senior managers. */
import { error } from '@sveltejs/kit';
import { canHandleAlerts } from '$lib/engagement/engagement-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canHandleAlerts(me.role)) error(403, 'You do not have access to this page');
  return {};
};
