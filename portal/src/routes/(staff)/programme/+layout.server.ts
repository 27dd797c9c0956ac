/** The monthly programme is for team managers (their month), QA officers and senior managers (every team). */
import { error } from '@sveltejs/kit';
import { canReadProgramme } from '$lib/programme/programme-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canReadProgramme(me.role)) error(403, 'You do not have access to this page');
  return {};
};
