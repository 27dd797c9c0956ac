/** Activity log: who changed what and when, for QA officers, senior managers and tenant admins. */
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { canReadActivity } from '$lib/navigation/staff-navigation';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const Cursor = v.pipe(v.string(), v.maxLength(2048));

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadActivity(me.role)) error(403, 'You do not have access to this page');
  const raw = event.url.searchParams.get('cursor');
  const cursor = raw && v.is(Cursor, raw) ? raw : undefined;
  const page = await createApi(event)
    .activity({ limit: PAGE_SIZE, cursor }, [400])
    .catch((e: unknown) => {
      // An old or edited cursor is refused by the API: start again from the latest changes.
      if (e instanceof ApiError && cursor) redirect(303, '/activity');
      throw e;
    });
  return {
    entries: page.items,
    nextPageHref: page.nextCursor ? `/activity?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
    isFirstPage: !cursor,
  };
};
