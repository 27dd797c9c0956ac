/** Engagement activities the user may see, newest opening first, filtered by state. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ACTIVITY_STATES } from '@waypoint/shared/engagement/activity-schemas';
import { canEditActivities } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const api = createApi(event);
  const params = event.url.searchParams;
  const state = v.is(v.picklist(ACTIVITY_STATES), params.get('state')) ? (params.get('state') as (typeof ACTIVITY_STATES)[number]) : undefined;
  const cursor = params.get('cursor')?.slice(0, 2048) || undefined;
  const firstPageHref = state ? `/engagement?state=${state}` : '/engagement';
  const [page, teams] = await Promise.all([
    engagementApi(api)
      .activities({ state, cursor, limit: PAGE_SIZE })
      .catch((e: unknown) => {
        // A cursor from an old address is refused: start again from the first page.
        if (e instanceof ApiError && cursor) redirect(303, firstPageHref);
        throw e;
      }),
    api.teams(),
  ]);
  const next = new URLSearchParams(state ? { state } : {});
  if (page.nextCursor) next.set('cursor', page.nextCursor);
  return {
    activities: page.items,
    state: state ?? null,
    teams: teams.items.map((t) => ({ id: t.id, name: t.name })),
    canCreate: canEditActivities(me.role),
    nextPageHref: page.nextCursor ? `/engagement?${next.toString()}` : null,
    firstPageHref: cursor ? firstPageHref : null,
  };
};
