/**
 * `/v1/users`: staff read the authority's people; tenant admins add them and change their
 * role, teams and whether they are active. Adding someone queues a welcome email.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EntityId, ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { ROLE_LABELS, STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import { CreateUserBody, UpdateUserBody, UserFields, type User } from '@waypoint/shared/users/user-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';
import { AccountExistsError, AccountNotFoundError } from '../platform/accounts/sign-in-accounts.ts';
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
export const ListUsersQuery = v.object({ team: v.optional(EntityId), limit: ListCasesQuery.entries.limit, cursor: ListCasesQuery.entries.cursor });

export const userRoutes = new Hono<AppEnv>();

userRoutes.get('/', async (c) => {
  const query = readQuery(c, ListUsersQuery);
  return c.json(await listUsers({ tenant: c.var.tenant, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor, team: query.team }));
});

userRoutes.get('/:id', async (c) => {
  const user = await findUser(c.var.tenant, readParam(c, 'id', EntityId));
  setEtag(c, user.version);
  return c.json(user);
});

/**
 * Adds a person: first their sign-in account (Cognito, or the local provider), whose subject
 * becomes their user id, then their user record. The identity provider refuses a second
 * account for an email address, which is what keeps two admins adding the same person at
 * once from making two; a retry finds the account it made and carries on.
 */
userRoutes.post('/', async (c) => {
  const { tenant, staff, deps } = c.var;
  requireRole(staff, ['admin']);
  const body = await readJsonBody(c, CreateUserBody);
  await checkTeams(tenant, body.teamIds);
  // Case holders on record may have no account; their address is taken all the same.
  if (await findUserIdByEmail(tenant, body.email)) throw new ApiError('conflict', 'Someone in this authority already has that email address');
  let account: { userId: string };
  try {
    account = await deps.accounts.create({ tenantId: tenant.tenantId, email: body.email, name: body.name, role: body.role });
  } catch (error) {
    if (error instanceof AccountExistsError) throw new ApiError('conflict', 'That email address already has a Waypoint account');
    throw error;
  }
  const at = clock.nowIso();
  const user: User = { ...body, id: account.userId, active: true, version: 1, createdAt: at, updatedAt: at };
  await putNewUser(tenant, user);
  const authority = (await getTenantSummary(tenant))?.name ?? 'your authority';
  await queueEmail({
    tenant,
    reason: `user-added:${user.id}`,
    to: user.email,
    subject: 'You have been added to Waypoint',
    text: `Hello ${user.name},\n\nYou have been added to Waypoint, ${authority}'s quality assurance service, as a ${ROLE_LABELS[user.role].toLowerCase()}.\n${deps.accounts.signInAdvice}\n`,
    at,
  });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'user', entityId: user.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).filter((k) => k !== 'id').sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/users/${user.id}`);
  return c.json(user, 201);
});

/**
 * A role or active change goes to the sign-in account too, since the token's claims come
 * from there: the new role applies from the person's next token, and a deactivated person
 * can no longer sign in or refresh. The account changes first, after a version check, so a
 * stale edit changes neither.
 */
userRoutes.patch('/:id', async (c) => {
  const { tenant, staff, deps } = c.var;
  const id = readParam(c, 'id', EntityId);
  // Existence first: another tenant's user is a 404 for every role, never a 403.
  const current = await findUser(tenant, id);
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateUserBody);
  if (id === staff.userId && ((body.role !== undefined && body.role !== 'admin') || body.active === false)) {
    throw new ApiError('conflict', 'You cannot remove your own admin access; ask another admin');
  }
  if (body.teamIds) await checkTeams(tenant, body.teamIds);
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The user was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  if (body.role !== undefined || body.active !== undefined) {
    try {
      await deps.accounts.update({ tenantId: tenant.tenantId, email: current.email, role: body.role, active: body.active });
    } catch (error) {
      // People on record who never had a sign-in (case holders, say) have nothing to change.
      if (!(error instanceof AccountNotFoundError)) throw error;
    }
  }
  const at = clock.nowIso();
  const { before, after } = await updateUser({ tenant, current, expectedVersion, changes: body, at });
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
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent', team: 'Only members of this team' },
    success: { status: 200, description: 'A page of users', schema: v.object({ items: v.array(UserResource), nextCursor }) },
  },
  { method: 'get', path: '/v1/users/{id}', tag: 'Users', summary: 'Read a user', access: STAFF_ROLES, params: { id: EntityId }, success: { status: 200, description: 'The user', schema: UserResource, etag: true } },
  {
    method: 'post',
    path: '/v1/users',
    tag: 'Users',
    summary: 'Add a user',
    description: 'Creates the person’s sign-in account with this role (their id is the account’s subject), then their record. Teams must exist (400); the email must be new to Waypoint (409). Queues a welcome email. Send `Idempotency-Key` to make a retry safe.',
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
