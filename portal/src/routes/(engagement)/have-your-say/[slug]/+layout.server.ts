/** One authority's area: its name, colours, duty number and open activities, in the page's language. */
import { error } from '@sveltejs/kit';
import { slugFrom } from '$lib/engagement/area.server';
import { publicApi, slowDown } from '$lib/engagement/public-api.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, parent }) => {
  const slug = slugFrom(params.slug);
  const { lang } = await parent();
  const found = await publicApi.authority(slug, lang);
  if (!found.ok && found.status === 429) slowDown(found);
  if (!found.ok) error(found.status === 404 ? 404 : 502, found.status === 404 ? 'Page not found' : 'The service could not complete the request');
  return { authority: found.value, home: `/have-your-say/${slug}` };
};
