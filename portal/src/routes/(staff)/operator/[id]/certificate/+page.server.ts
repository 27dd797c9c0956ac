/** An authority's certificate of deletion, once its deletion is done: counts and dates, no content. */
import { error } from '@sveltejs/kit';
import { requireOperator } from '$lib/operator/operator-access.server';
import { readAuthority } from '$lib/operator/authority-page.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
  const api = createApi(event);
  const { value: authority } = await readAuthority(api, event.params.id);
  try {
    const deletion = await operatorApi(api).deletion(authority.id);
    if (deletion.step !== 'done') error(404, 'Page not found');
    return { authority, deletion };
  } catch (e) {
    if (e instanceof ApiError) error(404, 'Page not found');
    throw e;
  }
};
