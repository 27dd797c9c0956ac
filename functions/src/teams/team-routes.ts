/** `/v1/teams`: every member of staff reads the authority's teams; tenant admins create and rename them. */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { CreateTeamBody, UpdateTeamBody, type Team } from '@waypoint/shared/teams/team-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { versionedFields } from '../openapi/resource-fields.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getTeam, listTeams, putNewTeam, updateTeam } from './team-store.ts';

export const teamRoutes = new Hono<AppEnv>();

teamRoutes.get('/', async (c) => {
  return c.json({ items: await listTeams(c.var.tenant) });
});

teamRoutes.get('/:id', async (c) => {
  const team = await findTeam(c.var.tenant, readParam(c, 'id', EntityId));
  setEtag(c, team.version);
  return c.json(team);
});

teamRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ['admin']);
  const body = await readJsonBody(c, CreateTeamBody);
  const at = clock.nowIso();
  const team: Team = { ...body, id: body.id ?? ulid(clock.now().getTime()), version: 1, createdAt: at, updatedAt: at };
  await putNewTeam(tenant, team);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'team', entityId: team.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).filter((k) => k !== 'id').sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/teams/${team.id}`);
  return c.json(team, 201);
});

teamRoutes.patch('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  // Existence first: another tenant's team is a 404 for every role, never a 403.
  const current = await findTeam(tenant, id);
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateTeamBody);
  const at = clock.nowIso();
  const { before, after } = await updateTeam({ tenant, current, expectedVersion, changes: body, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'team', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

async function findTeam(tenant: AppEnv['Variables']['tenant'], id: string): Promise<Team> {
  const team = await getTeam(tenant, id);
  if (!team) throw notFound('team');
  return team;
}

export const TeamResource = v.pipe(
  v.object({ id: EntityId, name: v.string(), service: v.optional(v.string()), ...versionedFields }),
  v.title('Team'),
);

export const teamRouteDocs = describeRoutes([
  { method: 'get', path: '/v1/teams', tag: 'Teams', summary: 'List the authority’s teams', access: STAFF_ROLES, success: { status: 200, description: 'Every team, by name', schema: v.object({ items: v.array(TeamResource) }) } },
  { method: 'get', path: '/v1/teams/{id}', tag: 'Teams', summary: 'Read a team', access: STAFF_ROLES, params: { id: EntityId }, success: { status: 200, description: 'The team', schema: TeamResource, etag: true } },
  {
    method: 'post',
    path: '/v1/teams',
    tag: 'Teams',
    summary: 'Create a team',
    description: 'The id defaults to a new ULID. Send `Idempotency-Key` to make a retry safe.',
    access: ['admin'],
    body: CreateTeamBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new team', schema: TeamResource, etag: true, location: true },
  },
  { method: 'patch', path: '/v1/teams/{id}', tag: 'Teams', summary: 'Rename a team or change its service', access: ['admin'], params: { id: EntityId }, body: UpdateTeamBody, ifMatch: true, success: { status: 200, description: 'The team as changed', schema: TeamResource, etag: true } },
]);
