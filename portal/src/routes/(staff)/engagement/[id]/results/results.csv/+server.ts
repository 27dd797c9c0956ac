/** One activity's figures as CSV, built with the same defusing writer the API uses. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { resultsCsv } from '@waypoint/shared/engagement/results/results-csv';
import { periodFilters } from '$lib/engagement/results/result-filters';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  if (!v.is(ActivityId, event.params.id)) error(404, 'Page not found');
  const view = await resultsApi(createApi(event)).activity(event.params.id, periodFilters(event.url.searchParams).query);
  return new Response(resultsCsv(view), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="activity-results.csv"' } });
};
