/**
 * `GET /v1/actions?view=mine|team|case`: "my actions", "my team's actions" (overdue first)
 * and a case's actions. Managers see their own teams (or one of them with `team`), QA
 * officers and senior managers any team; a case's actions go to whoever may see the case.
 */
import { Hono } from 'hono';
import { ListActionsQuery } from '@waypoint/shared/actions/action-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { canSeeCase, caseViewer } from '../cases/case-scope.ts';
import { findCase } from '../cases/case-store.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readQuery } from '../platform/http/validation.ts';
import { getTeam, listTeams } from '../teams/team-store.ts';
import { listActions, rangesFor } from './action-list.ts';

export const actionListRoutes = new Hono<AppEnv>();

const noSuchTeam = () => new ApiError('validation', 'The query names a team you cannot list', { errors: [{ path: 'team', message: 'No such team' }] });

actionListRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  const viewer = await caseViewer(tenant, staff);
  if (viewer.scope === 'none') throw forbidden('Tenant admins manage the authority’s set-up and see no actions');
  const query = readQuery(c, ListActionsQuery);
  let teamIds: string[] = [];
  if (query.view === 'team') {
    if (viewer.scope === 'team') {
      if (query.team !== undefined && !viewer.teamIds.includes(query.team)) throw noSuchTeam();
      teamIds = query.team === undefined ? viewer.teamIds : [query.team];
    } else if (viewer.scope === 'tenant') {
      if (query.team !== undefined && !(await getTeam(tenant, query.team))) throw noSuchTeam();
      teamIds = query.team === undefined ? (await listTeams(tenant)).map((t) => t.id).sort() : [query.team];
    } else throw forbidden('Team managers, QA officers and senior managers see a team’s actions');
  } else if (query.team !== undefined) {
    throw new ApiError('validation', 'Only the team view takes a team', { errors: [{ path: 'team', message: 'Use team with view=team' }] });
  }
  let caseRef: string | undefined;
  if (query.view === 'case') {
    if (query.caseRef === undefined) throw new ApiError('validation', 'Name the case', { errors: [{ path: 'caseRef', message: 'Give the case reference with view=case' }] });
    const found = await findCase(tenant, query.caseRef);
    if (!found || !canSeeCase(viewer, found)) throw notFound('case');
    caseRef = found.ref;
  } else if (query.caseRef !== undefined) {
    throw new ApiError('validation', 'Only the case view takes a case', { errors: [{ path: 'caseRef', message: 'Use caseRef with view=case' }] });
  }
  const status = query.view === 'case' ? query.status : (query.status ?? 'open');
  const ranges = rangesFor(tenant, { view: query.view, status, userId: staff.userId, teamIds, caseRef, on: today() });
  return c.json(await listActions({ tenant, ranges, status, filterStatus: query.view === 'case', limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor }));
});
