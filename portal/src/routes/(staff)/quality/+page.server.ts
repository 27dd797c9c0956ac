/** Quality assurance: the framework's processes the caller takes part in, one link each. */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { qualityAreas } = await parent();
  if (qualityAreas.length === 0) error(403, 'You do not have access to this page');
  return { areas: qualityAreas };
};
