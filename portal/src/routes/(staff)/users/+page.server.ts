/** Users: the authority's people, searched by name or email and filtered by role, team and status, a page at a time. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { USER_STATUSES } from '@waypoint/shared/users/user-schemas';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { peopleApi } from '$lib/people/people-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/** Filters arrive in the address; anything malformed is ignored rather than sent on. */
function filterValue<T>(schema: v.GenericSchema<string, T>, raw: string | null): T | undefined {
  if (!raw) return undefined;
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : undefined;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const params = event.url.searchParams;
  const filters = {
    q: filterValue(v.pipe(v.string(), v.trim(), v.maxLength(100)), params.get('q')) || undefined,
    role: filterValue(v.picklist(STAFF_ROLES), params.get('role')),
    team: filterValue(EntityId, params.get('team')),
    status: filterValue(v.picklist(USER_STATUSES), params.get('status')),
  };
  const cursor = filterValue(v.pipe(v.string(), v.maxLength(2048)), params.get('cursor'));
  const next = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const firstPageHref = `/users${next.size > 0 ? `?${next}` : ''}`;

  const people = peopleApi(createApi(event));
  const [page, teams] = await Promise.all([
    people.users({ ...filters, cursor, limit: PAGE_SIZE }, [400]).catch((e: unknown) => {
      // A cursor from an old or edited address is refused by the API: start again from the first page.
      if (e instanceof ApiError && cursor) redirect(303, firstPageHref);
      throw e;
    }),
    people.teams(),
  ]);
  if (page.nextCursor) next.set('cursor', page.nextCursor);
  return {
    filters: { q: filters.q ?? '', role: filters.role ?? '', team: filters.team ?? '', status: filters.status ?? '' },
    filtered: Object.values(filters).some(Boolean),
    users: page.items,
    teams: teams.items.map((t) => ({ id: t.id, name: t.name })),
    nextPageHref: page.nextCursor ? `/users?${next}` : null,
    firstPageHref: cursor ? firstPageHref : null,
  };
};
