/** "My audits": the audits in the caller's scope (the API decides it), filtered by month, team and state, a page at a time. */
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { AUDIT_STATES } from '@waypoint/shared/audits/audit-schemas';
import { Month } from '@waypoint/shared/audits/audit-dates';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { caseScopeOf, isStaffRole } from '@waypoint/shared/tenancy/roles';
import { auditApi } from '$lib/audits/audit-api.server';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { canRunAudits } from '$lib/audits/audit-permissions';
import { monthOptions } from '$lib/audits/months';
import { createApi } from '$lib/server/api';
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
  const params = event.url.searchParams;
  const month = filterValue(Month, params.get('month'));
  const state = filterValue(v.picklist(AUDIT_STATES), params.get('state'));
  const scope = isStaffRole(me.role) ? caseScopeOf(me.role) : 'none';
  // A team filter means something to those who see more than one team's audits.
  const teamFilter = scope === 'tenant' || (scope === 'team' && me.teams.length > 1);
  const team = teamFilter ? filterValue(EntityId, params.get('team')) : undefined;
  const caseRef = filterValue(CaseRef, params.get('case'));
  const cursor = filterValue(v.pipe(v.string(), v.maxLength(2048)), params.get('cursor'));

  const api = createApi(event);
  const next = new URLSearchParams();
  if (caseRef) next.set('case', caseRef);
  if (month) next.set('month', month);
  if (team) next.set('team', team);
  if (state) next.set('state', state);
  const firstPageHref = `/audits${next.size > 0 ? `?${next}` : ''}`;

  const [page, teams, gradeLabels] = await Promise.all([
    auditApi(api)
      .audits({ month, team, caseRef, state, cursor, limit: PAGE_SIZE }, [400])
      .catch((e: unknown) => {
        // A cursor from an old or edited address is refused: start again from the first page.
        if (e instanceof ApiError && cursor) redirect(303, firstPageHref);
        throw e;
      }),
    teamFilter ? api.teams().then((r) => r.items.map((t) => ({ id: t.id, name: t.name }))) : Promise.resolve(me.teams),
    readGradeLabels(api),
  ]);
  if (page.nextCursor) next.set('cursor', page.nextCursor);

  return {
    filters: { month: month ?? '', team: team ?? '', state: state ?? '', caseRef: caseRef ?? '' },
    teamFilter,
    teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)),
    months: monthOptions(new Date(), { before: 23, after: 3 }),
    audits: page.items,
    people: page.people,
    gradeLabels,
    canPlan: canRunAudits(me.role),
    scope,
    nextPageHref: page.nextCursor ? `/audits?${next}` : null,
    firstPageHref: cursor ? firstPageHref : null,
    filtered: !!(month || team || state || caseRef),
  };
};
