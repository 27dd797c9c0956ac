/** Any other address in an authority's area is not found, shown in the area's own shell and language. */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  error(404, 'Page not found');
};
