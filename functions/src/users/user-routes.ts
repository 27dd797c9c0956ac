/**
 * `/v1/users`: staff read the authority's people; tenant admins add them and change their
 * role, teams and whether they are active. Adding someone queues a welcome email.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import * as v from 'valibot';
import { EntityId, ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { ROLE_LABELS, STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import { CreateUserBody, UpdateUserBody, UserFields, type User } from '@waypoint/shared/users/user-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, notFound, type FieldError } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { listTeams } from '../teams/team-store.ts';
import { getTenantSummary } from '../tenants/tenant-directory.ts';
import { findUserIdByEmail, getUser, listUsers, putNewUser, updateUser } from './user-store.ts';

/** Paging takes the same bounded `limit` and opaque `cursor` as every other list. */
export const ListUsersQuery = v.object({ limit: ListCasesQuery.entries.limit, cursor: ListCasesQuery.entries.cursor });

export const userRoutes = new Hono<AppEnv>();

userRoutes.get('/', async (c) => {
  const query = readQuery(c, ListUsersQuery);
  return c.json(await listUsers({ tenant: c.var.tenant, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor }));
});

userRoutes.get('/:id', async (c) => {
  const user = await findUser(c.var.tenant, readParam(c, 'id', EntityId));
  setEtag(c, user.version);
  return c.json(user);
});

/**
 * Adds a user record. Locally this does not create a sign-in account (the seeded demo
 * accounts are the only ones); in AWS, provisioning the Cognito user is a separate step.
 */
userRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ['admin']);
  const body = await readJsonBody(c, CreateUserBody);
  await checkTeams(tenant, body.teamIds);
  // A read-then-write check: two admins adding the same address at the same instant could
  // both pass it. Acceptable for a handful of admins; a claim item keyed by email would close it.
  if (await findUserIdByEmail(tenant, body.email)) throw new ApiError('conflict', 'Someone in this authority already has that email address');
  const at = clock.nowIso();
  const user: User = { ...body, id: body.id ?? ulid(clock.now().getTime()), active: true, version: 1, createdAt: at, updatedAt: at };
  await putNewUser(tenant, user);
  const authority = (await getTenantSummary(tenant))?.name ?? 'your authority';
  await queueEmail({
    tenant,
    reason: `user-added:${user.id}`,
    to: user.email,
    subject: 'You have been added to Waypoint',
    text: `Hello ${user.name},\n\nYou have been added to Waypoint, ${authority}'s quality assurance service, as a ${ROLE_LABELS[user.role].toLowerCase()}.\nYour authority will tell you how to sign in.\n`,
    at,
  });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'user', entityId: user.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).filter((k) => k !== 'id').sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/users/${user.id}`);
  return c.json(user, 201);
});

/** The token's role comes from the sign-in account, so a role change here takes effect there separately. */
userRoutes.patch('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', EntityId);
  // Existence first: another tenant's user is a 404 for every role, never a 403.
  await findUser(tenant, id);
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateUserBody);
  if (id === staff.userId && ((body.role !== undefined && body.role !== 'admin') || body.active === false)) {
    throw new ApiError('conflict', 'You cannot remove your own admin access; ask another admin');
  }
  if (body.teamIds) await checkTeams(tenant, body.teamIds);
  const at = clock.nowIso();
  const { before, after } = await updateUser({ tenant, userId: id, expectedVersion, changes: body, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'user', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

async function findUser(tenant: TenantContext, id: string): Promise<User> {
  const user = await getUser(tenant, id);
  if (!user) throw notFound('user');
  return user;
}

/** Every team named must exist in the caller's tenant; one query reads them all. */
async function checkTeams(tenant: TenantContext, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const known = new Set((await listTeams(tenant)).map((t) => t.id));
  const errors: FieldError[] = teamIds.flatMap((teamId, index) => (known.has(teamId) ? [] : [{ path: `teamIds.${index}`, message: 'No such team' }]));
  if (errors.length) throw new ApiError('validation', 'The user refers to a team that does not exist', { errors });
}

export const UserResource = v.pipe(
  v.object({ id: EntityId, name: v.string(), email: v.pipe(v.string(), v.email()), role: UserFields.role, teamIds: v.array(EntityId), active: v.boolean(), ...versionedFields }),
  v.title('User'),
);

export const userRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/users',
    tag: 'Users',
    summary: 'List the authority’s staff',
    access: STAFF_ROLES,
    query: ListUsersQuery,
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent' },
    success: { status: 200, description: 'A page of users', schema: v.object({ items: v.array(UserResource), nextCursor }) },
  },
  { method: 'get', path: '/v1/users/{id}', tag: 'Users', summary: 'Read a user', access: STAFF_ROLES, params: { id: EntityId }, success: { status: 200, description: 'The user', schema: UserResource, etag: true } },
  {
    method: 'post',
    path: '/v1/users',
    tag: 'Users',
    summary: 'Add a user',
    description: 'The id defaults to a new ULID; teams must exist (400) and the email must be new to the authority (409). Queues a welcome email. Send `Idempotency-Key` to make a retry safe.',
    access: ['admin'],
    body: CreateUserBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new user', schema: UserResource, etag: true, location: true },
  },
  {
    method: 'patch',
    path: '/v1/users/{id}',
    tag: 'Users',
    summary: 'Change a user’s name, role, teams or whether they are active',
    description: 'Admins cannot remove their own admin role or deactivate themselves (409).',
    access: ['admin'],
    params: { id: EntityId },
    body: UpdateUserBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The user as changed', schema: UserResource, etag: true },
  },
]);
