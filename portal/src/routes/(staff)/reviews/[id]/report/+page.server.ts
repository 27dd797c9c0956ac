/** A review's report: for those who oversee reviews at any time, for every member of staff once published. */
import { error } from '@sveltejs/kit';
import { reviewApi } from '$lib/reviews/review-api.server';
import { canReadReviews } from '$lib/reviews/review-permissions';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadReviews(me.role)) error(404, 'Page not found');
  try {
    return { report: await reviewApi(createApi(event)).report(event.params.id, [403]) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) error(403, 'The report is shared with staff once the review is published');
    throw e;
  }
};
