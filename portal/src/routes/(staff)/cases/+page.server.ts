/** Case list: the caller's cases, filtered by team and case type, a page at a time. */
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { CASE_TYPES, EntityId } from '@waypoint/shared/cases/case-schemas';
import { canImport } from '@waypoint/shared/imports/import-roles';
import { CASE_EDITORS, isStaffRole } from '@waypoint/shared/tenancy/roles';
import { canSeeCases } from '$lib/navigation/staff-navigation';
import { createApi } from '$lib/server/api';
import { readDirectory } from '$lib/server/cases/case-directory';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/** Filters arrive in the address; anything malformed is ignored rather than sent on. */
function filterValue<T extends string>(schema: v.GenericSchema<string, T>, raw: string | null): T | undefined {
  if (!raw) return undefined;
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : undefined;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSeeCases(me.role)) error(403, 'You do not have access to this page');
  const params = event.url.searchParams;
  const team = filterValue(EntityId, params.get('team'));
  const caseType = filterValue(v.picklist(CASE_TYPES), params.get('caseType'));
  const cursor = filterValue(v.pipe(v.string(), v.maxLength(2048)), params.get('cursor'));

  const api = createApi(event);
  const next = new URLSearchParams();
  if (team) next.set('team', team);
  if (caseType) next.set('caseType', caseType);
  const firstPageHref = `/cases${next.size > 0 ? `?${next}` : ''}`;

  const [page, directory] = await Promise.all([
    api.cases({ team, caseType, cursor, limit: PAGE_SIZE }, [400]).catch((e: unknown) => {
      // A cursor from an old or edited address is refused by the API: start again from the first page.
      if (e instanceof ApiError && cursor) redirect(303, firstPageHref);
      throw e;
    }),
    readDirectory(api, { people: true }),
  ]);
  if (page.nextCursor) next.set('cursor', page.nextCursor);

  return {
    filters: { team: team ?? '', caseType: caseType ?? '' },
    cases: page.items,
    nextPageHref: page.nextCursor ? `/cases?${next}` : null,
    firstPageHref: cursor ? firstPageHref : null,
    filtered: !!(team || caseType),
    directory,
    canCreate: isStaffRole(me.role) && CASE_EDITORS.includes(me.role),
    canImport: isStaffRole(me.role) && canImport(me.role, 'cases'),
  };
};
