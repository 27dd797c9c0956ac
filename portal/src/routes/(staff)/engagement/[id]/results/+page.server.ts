/** One activity's results, optionally for a period, as charts with tables; `?view=print` gives the print view. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { canEditActivities } from '$lib/engagement/engagement-permissions';
import { periodFilters } from '$lib/engagement/results/result-filters';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!v.is(ActivityId, event.params.id)) error(404, 'Page not found');
  const api = createApi(event);
  const filters = periodFilters(event.url.searchParams);
  const [activity, results] = await Promise.all([engagementApi(api).activity(event.params.id), resultsApi(api).activity(event.params.id, filters.query)]);
  return { activity: activity.value, results, filters, print: event.url.searchParams.get('view') === 'print', canTag: canEditActivities(me.role) };
};
