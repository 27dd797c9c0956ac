/**
 * `GET /v1/dashboards/teams/{id}`: a team's page, for the managers of that team and for QA
 * officers and senior managers (any team of their authority). A team that does not exist, or
 * is another authority's, is a 404 for everyone; a team that exists but is not the manager's
 * is a 403, as it is listed to all staff under `/v1/teams` anyway.
 */
import { Hono } from 'hono';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import type { AppEnv } from '../api/app-env.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { forbidden, notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { getTeam } from '../teams/team-store.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { readTeamView } from './team-view-reader.ts';

export const TEAM_PAGE_READERS: readonly StaffRole[] = ['manager', 'qa', 'senior'];

export const teamPageRoutes = new Hono<AppEnv>();

teamPageRoutes.get('/teams/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  const team = await getTeam(tenant, id);
  if (!team) throw notFound('team');
  requireRole(staff, TEAM_PAGE_READERS);
  if (staff.role === 'manager' && !((await currentUsers.read(tenant, staff.userId))?.teamIds.includes(team.id) ?? false)) throw forbidden('A team manager sees the pages of their own teams only');
  return c.json(await readTeamView(tenant, team));
});
