/** Moderation is QA's work; senior managers read the moderations and the agreement report. */
import { error } from '@sveltejs/kit';
import { canModerate, canReadAgreement } from '$lib/moderation/moderation-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canModerate(me.role) && !canReadAgreement(me.role)) error(403, 'You do not have access to this page');
  return {};
};
