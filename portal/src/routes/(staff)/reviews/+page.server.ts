/** Thematic reviews the signed-in person may see: those they lead or review, and published ones. */
import { error } from '@sveltejs/kit';
import { reviewApi } from '$lib/reviews/review-api.server';
import { canReadReviews, canSetUpReviews } from '$lib/reviews/review-permissions';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadReviews(me.role)) error(403, 'You do not have access to this page');
  const list = await reviewApi(createApi(event)).list();
  return { ...list, canSetUp: canSetUpReviews(me.role) };
};
