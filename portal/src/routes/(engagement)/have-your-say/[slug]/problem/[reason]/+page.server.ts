/** A friendly page for each refusal: an unknown, expired, revoked or used code, a closed activity, too many tries, an ended session. */
import { error } from '@sveltejs/kit';
import { isProblemPage } from '$lib/engagement/area.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
  if (!isProblemPage(params.reason)) error(404, 'Page not found');
  return { reason: params.reason };
};
