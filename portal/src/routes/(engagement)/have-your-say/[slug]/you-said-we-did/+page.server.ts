/** The authority's "You said, we did" entries, in the page's language or English; no code needed. */
import { error } from '@sveltejs/kit';
import type { PublicEntry } from '@waypoint/shared/engagement/you-said-we-did';
import { slugFrom } from '$lib/engagement/area.server';
import { visitorHeaders } from '$lib/engagement/visitor-address.server';
import { portalConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, fetch }) => {
  const slug = slugFrom(params.slug);
  const { lang } = await parent();
  const url = new URL(`/v1/public/${encodeURIComponent(slug)}/you-said-we-did`, portalConfig().apiUrl);
  url.searchParams.set('lang', lang);
  const response = await fetch(url, { headers: { accept: 'application/json', ...(await visitorHeaders()) }, signal: AbortSignal.timeout(10_000) }).catch(() => error(503, 'The service is not available just now'));
  if (response.status === 404) error(404, 'Page not found');
  if (!response.ok) error(502, 'The service could not complete the request');
  return { entries: ((await response.json()) as { items: PublicEntry[] }).items };
};
