/** The template editor is for QA officers and tenant admins, who publish new versions. */
import { error } from '@sveltejs/kit';
import { canEditTemplates } from '$lib/templates/template-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canEditTemplates(me.role)) error(403, 'You do not have access to this page');
  return {};
};
