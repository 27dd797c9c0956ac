/**
 * `/v1/teams`: every member of staff reads the authority's teams; tenant admins create,
 * rename and close them and say who leads each.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { CreateTeamBody, TEAM_STATUSES, UpdateTeamBody, teamStatus, type Team } from '@waypoint/shared/teams/team-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { countOpenCases } from '../cases/case-store.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { versionedFields } from '../openapi/resource-fields.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type StaffCaller, type TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { getUser, updateUser } from '../users/user-store.ts';
import { checkTeamManager } from './team-checks.ts';
import { getTeam, listTeams, putNewTeam, updateTeam } from './team-store.ts';

export const ListTeamsQuery = v.object({ status: v.optional(v.picklist(TEAM_STATUSES)) });

export const teamRoutes = new Hono<AppEnv>();

teamRoutes.get('/', async (c) => {
  const { status } = readQuery(c, ListTeamsQuery);
  const teams = await listTeams(c.var.tenant);
  return c.json({ items: status ? teams.filter((t) => teamStatus(t) === status) : teams });
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
  const manager = body.managerId ? await checkTeamManager(tenant, body.managerId) : undefined;
  const at = clock.nowIso();
  const team: Team = { ...body, id: body.id ?? ulid(clock.now().getTime()), status: 'open', version: 1, createdAt: at, updatedAt: at };
  await putNewTeam(tenant, team);
  if (manager) await joinTeam({ tenant, staff, userId: manager.id, teamId: team.id, at });
  await recordActivity({
    tenant,
    actor: staff,
    action: 'created',
    entity: 'team',
    entityId: team.id,
    versionBefore: null,
    versionAfter: 1,
    at,
    changes: Object.keys(body)
      .filter((k) => k !== 'id')
      .sort(),
  });
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
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The team was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  const closing = body.status === 'closed' && teamStatus(current) !== 'closed';
  const staysClosed = (body.status ?? teamStatus(current)) === 'closed';
  if (staysClosed && body.managerId) throw new ApiError('conflict', `${current.name} is closed: reopen it before choosing who leads it`, { reason: 'team-closed' });
  const manager = body.managerId && body.managerId !== current.managerId ? await checkTeamManager(tenant, body.managerId) : undefined;
  if (closing) {
    const open = await countOpenCases(tenant, id);
    if (open > 0) {
      throw new ApiError('conflict', `${current.name} still has ${open} open ${open === 1 ? 'case' : 'cases'}. Move ${open === 1 ? 'it' : 'them'} to another team, or close ${open === 1 ? 'it' : 'them'}, before closing the team.`, {
        reason: 'team-has-open-cases',
      });
    }
  }
  const at = clock.nowIso();
  const { before, after } = await updateTeam({ tenant, current, expectedVersion, changes: body, at });
  if (manager) await joinTeam({ tenant, staff, userId: manager.id, teamId: id, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'team', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

/**
 * The person who leads a team is one of its members, so they see its cases; this adds the
 * team to theirs after the team is saved. Re-read and retried once if they changed meanwhile;
 * a retry of the whole request finds them in it already.
 */
async function joinTeam(options: { tenant: TenantContext; staff: StaffCaller; userId: string; teamId: string; at: string }): Promise<void> {
  const { tenant, staff, userId, teamId, at } = options;
  for (let attempt = 0; ; attempt++) {
    const user = await getUser(tenant, userId);
    if (!user || user.teamIds.includes(teamId)) return;
    try {
      const { before, after } = await updateUser({ tenant, current: user, expectedVersion: user.version, changes: { teamIds: [...user.teamIds, teamId] }, at });
      currentUsers.forget(tenant.tenantId, userId);
      await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'user', entityId: userId, versionBefore: before.version, versionAfter: after.version, at, changes: ['teamIds'] });
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'precondition-failed') || attempt > 0) throw error;
    }
  }
}

async function findTeam(tenant: TenantContext, id: string): Promise<Team> {
  const team = await getTeam(tenant, id);
  if (!team) throw notFound('team');
  return team;
}

export const TeamResource = v.pipe(
  v.object({
    id: EntityId,
    name: v.string(),
    service: v.optional(v.string()),
    managerId: v.optional(EntityId),
    status: v.picklist(TEAM_STATUSES),
    ...versionedFields,
  }),
  v.title('Team'),
);

export const teamRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/teams',
    tag: 'Teams',
    summary: 'List the authority’s teams',
    access: STAFF_ROLES,
    query: ListTeamsQuery,
    queryNotes: { status: 'Only open or only closed teams; every team when absent' },
    success: { status: 200, description: 'Every team, by name', schema: v.object({ items: v.array(TeamResource) }) },
  },
  { method: 'get', path: '/v1/teams/{id}', tag: 'Teams', summary: 'Read a team', access: STAFF_ROLES, params: { id: EntityId }, success: { status: 200, description: 'The team', schema: TeamResource, etag: true } },
  {
    method: 'post',
    path: '/v1/teams',
    tag: 'Teams',
    summary: 'Create a team',
    description: 'The id defaults to a new ULID. A `managerId` must be an active team manager or senior manager (400 with the reason); they are added to the team. Send `Idempotency-Key` to make a retry safe.',
    access: ['admin'],
    body: CreateTeamBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new team', schema: TeamResource, etag: true, location: true },
  },
  {
    method: 'patch',
    path: '/v1/teams/{id}',
    tag: 'Teams',
    summary: 'Rename a team, say who leads it, or close it',
    description: '`managerId` as on create (`null` for nobody). `status: closed` is refused (409, reason `team-has-open-cases`) while the team has open cases; a closed team takes no new members and no manager until reopened.',
    access: ['admin'],
    params: { id: EntityId },
    body: UpdateTeamBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The team as changed', schema: TeamResource, etag: true },
  },
]);
