/** The figures across activities as CSV, built with the same defusing writer the API uses. */
import { resultsCsv } from '@waypoint/shared/engagement/results/results-csv';
import { resultFilters } from '$lib/engagement/results/result-filters';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const view = await resultsApi(createApi(event)).across(resultFilters(event.url.searchParams).query);
  return new Response(resultsCsv(view), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="engagement-results.csv"' } });
};
