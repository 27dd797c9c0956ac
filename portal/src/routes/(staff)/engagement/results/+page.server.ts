/** Results across the activities the user can see, filtered by period, audience, team and case type. */
import { resultFilters } from '$lib/engagement/results/result-filters';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const filters = resultFilters(event.url.searchParams);
  const [results, teams] = await Promise.all([resultsApi(api).across(filters.query), api.teams()]);
  return { results, filters, teams: teams.items.map((t) => ({ id: t.id, name: t.name })), print: event.url.searchParams.get('view') === 'print' };
};
