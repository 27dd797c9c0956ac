/** The operator's list of authorities: each one's status and size (counts only), a page at a time. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireOperator } from '$lib/operator/operator-access.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const Cursor = v.pipe(v.string(), v.maxLength(2048));

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
  const raw = event.url.searchParams.get('cursor');
  const cursor = raw && v.is(Cursor, raw) ? raw : undefined;
  const page = await operatorApi(createApi(event))
    .authorities({ limit: PAGE_SIZE, cursor }, [400])
    .catch((e: unknown) => {
      // An old or edited cursor is refused by the API: start again from the first page.
      if (e instanceof ApiError && cursor) redirect(303, '/operator');
      throw e;
    });
  return {
    authorities: page.items,
    nextPageHref: page.nextCursor ? `/operator?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
    isFirstPage: !cursor,
  };
};
