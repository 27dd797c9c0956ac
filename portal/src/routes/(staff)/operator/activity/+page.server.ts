/** The platform activity log: what operators did to which authority, newest first, a page at a time. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireOperator } from '$lib/operator/operator-access.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { platformActivitySentence } from '$lib/operator/platform-activity-words';
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
    .activity({ limit: PAGE_SIZE, cursor }, [400])
    .catch((e: unknown) => {
      // An old or edited cursor is refused by the API: start again from the latest.
      if (e instanceof ApiError && cursor) redirect(303, '/operator/activity');
      throw e;
    });
  return {
    entries: page.items.map((entry) => ({ id: entry.id, at: entry.at, ...platformActivitySentence(entry, me.user) })),
    nextPageHref: page.nextCursor ? `/operator/activity?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
    isFirstPage: !cursor,
  };
};
