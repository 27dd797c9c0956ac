/** Audits are for the people who run, take part in or oversee them; tenant admins see none. */
import { error } from '@sveltejs/kit';
import { canReadAudits } from '$lib/audits/audit-permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!canReadAudits(me.role)) error(403, 'You do not have access to this page');
  return {};
};
