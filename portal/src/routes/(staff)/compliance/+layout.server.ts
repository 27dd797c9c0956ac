/** Records compliance is for QA officers and senior managers. */
import { error } from '@sveltejs/kit';
import { canUseCompliance } from '$lib/compliance/compliance-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canUseCompliance(me.role)) error(403, 'You do not have access to this page');
  return {};
};
