/**
 * `/v1/users`: staff read the authority's people; tenant admins add them and change their
 * role, teams and whether they are active. Adding someone sends them an invitation.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EntityId, ListCasesQuery } from '@waypoint/shared/cases/case-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import { CreateUserBody, UpdateUserBody, USER_STATUSES, UserFields, type User, type UserStatus } from '@waypoint/shared/users/user-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';
import { AccountExistsError, AccountNotFoundError } from '../platform/accounts/sign-in-accounts.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { checkMemberTeams } from '../teams/team-checks.ts';
import { currentUsers } from './current-user-cache.ts';
import { queueInvitation } from './user-invitation.ts';
import { findUserIdByEmail, getUser, listUsers, putNewUser, updateUser } from './user-store.ts';

/** Paging takes the same bounded `limit` and opaque `cursor` as every other list. */
export const ListUsersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'Search for at most 100 characters'))),
  role: v.optional(UserFields.role),
  team: v.optional(EntityId),
  status: v.optional(UserFields.status),
  limit: ListCasesQuery.entries.limit,
  cursor: ListCasesQuery.entries.cursor,
});

export const userRoutes = new Hono<AppEnv>();

userRoutes.get('/', async (c) => {
  const { q, limit, ...filter } = readQuery(c, ListUsersQuery);
  return c.json(await listUsers({ tenant: c.var.tenant, limit: limit ?? DEFAULT_PAGE_SIZE, ...filter, q: q || undefined }));
});

userRoutes.get('/:id', async (c) => {
  const user = await findUser(c.var.tenant, readParam(c, 'id', EntityId));
  setEtag(c, user.version);
  return c.json(user);
});

/**
 * Adds a person: first their sign-in account (Cognito, or the local provider), whose subject
 * becomes their user id, then their user record, then the invitation. The identity provider
 * refuses a second account for an email address, which is what keeps two admins adding the
 * same person at once from making two; a retry finds the account it made and carries on.
 */
userRoutes.post('/', async (c) => {
  const { tenant, staff, deps } = c.var;
  requireRole(staff, ['admin']);
  const body = await readJsonBody(c, CreateUserBody);
  await checkMemberTeams(tenant, body.teamIds);
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
  const user: User = { ...body, id: account.userId, status: 'invited', active: true, invitationsSent: 1, invitedAt: at, version: 1, createdAt: at, updatedAt: at };
  await putNewUser(tenant, user);
  await queueInvitation({ tenant, deps, user, sending: 1, at });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'user', entityId: user.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/users/${user.id}`);
  return c.json(user, 201);
});

/**
 * A role or status change goes to the sign-in account too, so the next token agrees; the
 * API does not wait for that token, since every request checks the record itself
 * (`recheck-caller.ts`). The account changes first, after a version check, so a stale edit
 * changes neither.
 */
userRoutes.patch('/:id', async (c) => {
  const { tenant, staff, deps } = c.var;
  const id = readParam(c, 'id', EntityId);
  // Existence first: another tenant's user is a 404 for every role, never a 403.
  const current = await findUser(tenant, id);
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  const { active, ...body } = await readJsonBody(c, UpdateUserBody);
  if (id === staff.userId && ((body.role !== undefined && body.role !== 'admin') || active === false)) {
    throw new ApiError('conflict', 'You cannot remove your own admin access; ask another admin');
  }
  if (body.teamIds) await checkMemberTeams(tenant, body.teamIds, current.teamIds);
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The user was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  const status = active === undefined ? undefined : statusAfter(current, active);
  const statusChanged = status !== undefined && status !== current.status;
  if ((body.role !== undefined && body.role !== current.role) || statusChanged) {
    try {
      await deps.accounts.update({ tenantId: tenant.tenantId, email: current.email, role: body.role, active: statusChanged ? active : undefined });
    } catch (error) {
      // People on record who never had a sign-in (case holders, say) have nothing to change.
      if (!(error instanceof AccountNotFoundError)) throw error;
    }
  }
  const at = clock.nowIso();
  // An admin's choice of role or teams is theirs from now on, not the council's groups'.
  const adminChoosesAccess = current.accessFromGroups === true && (body.role !== undefined || body.teamIds !== undefined);
  const { before, after } = await updateUser({ tenant, current, expectedVersion, changes: { ...body, ...(statusChanged ? { status } : {}), ...(adminChoosesAccess ? { accessFromGroups: null } : {}) }, at });
  currentUsers.forget(tenant.tenantId, id);
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'user', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

/**
 * Deactivating switches anyone off; reactivating (or approving) makes them active again, or
 * invited if Waypoint invited them and they never signed in (so their invitation can be resent).
 */
function statusAfter(user: User, active: boolean): UserStatus {
  if (!active) return 'deactivated';
  if (user.status === 'active' || user.status === 'invited') return user.status;
  return user.invitedAt && !user.signedInAt ? 'invited' : 'active';
}

/**
 * Sends the invitation again to someone who has not signed in yet. If-Match keeps a stale
 * page from sending one more than the admin saw; each sending has its own email reason, so
 * a retried request (or one replayed by its Idempotency-Key) queues its email once.
 */
userRoutes.post('/:id/invitation', async (c) => {
  const { tenant, staff, deps } = c.var;
  const id = readParam(c, 'id', EntityId);
  const current = await findUser(tenant, id);
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  if (current.version !== expectedVersion) throw new ApiError('precondition-failed', `The user was changed by someone else (now version ${current.version}); read it again`);
  if (current.status !== 'invited') {
    throw new ApiError('conflict', current.status === 'active' ? `${current.name} has already signed in, so there is no invitation to send` : `${current.name} is not invited: reactivate them first`, { reason: `user-${current.status}` });
  }
  const sending = (current.invitationsSent ?? 1) + 1;
  const at = clock.nowIso();
  // Emails first, then the count: a retry after a failure sends the same sending again, once.
  await queueInvitation({ tenant, deps, user: current, sending, at });
  try {
    await deps.accounts.resendInvitation({ tenantId: tenant.tenantId, email: current.email });
  } catch (error) {
    if (!(error instanceof AccountNotFoundError)) throw error;
  }
  const { before, after } = await updateUser({ tenant, current, expectedVersion, changes: { invitationsSent: sending, invitedAt: at }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'user', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: ['invitationsSent', 'invitedAt'] });
  setEtag(c, after.version);
  return c.json(after);
});

async function findUser(tenant: TenantContext, id: string): Promise<User> {
  const user = await getUser(tenant, id);
  if (!user) throw notFound('user');
  return user;
}

export const UserResource = v.pipe(
  v.object({
    id: EntityId,
    name: v.string(),
    email: v.pipe(v.string(), v.email()),
    role: UserFields.role,
    teamIds: v.array(EntityId),
    status: v.pipe(UserFields.status, v.description('invited (added, not signed in yet), active, deactivated, or awaiting-approval')),
    active: v.pipe(v.boolean(), v.description('True while invited or active: someone who can be given work')),
    signedInAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    invitationsSent: v.optional(v.pipe(v.number(), v.integer())),
    invitedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    accessFromGroups: v.optional(v.pipe(v.boolean(), v.description('True while the role and teams came from the council’s groups at sign-in; cleared when an admin changes them'))),
    ...versionedFields,
  }),
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
    queryNotes: {
      q: 'Part of a name or email address, in any case',
      status: USER_STATUSES.join(', '),
      limit: 'Page size, 1 to 100; 25 when absent',
      team: 'Only members of this team',
    },
    success: { status: 200, description: 'A page of users, in the order they were added', schema: v.object({ items: v.array(UserResource), nextCursor }) },
  },
  { method: 'get', path: '/v1/users/{id}', tag: 'Users', summary: 'Read a user', access: STAFF_ROLES, params: { id: EntityId }, success: { status: 200, description: 'The user', schema: UserResource, etag: true } },
  {
    method: 'post',
    path: '/v1/users',
    tag: 'Users',
    summary: 'Add a user',
    description:
      'Creates the person’s sign-in account with this role (their id is the account’s subject), then their record, `invited` until they first use Waypoint. Teams must exist and be open (400); the email must be new to Waypoint (409). Emails them an invitation with where to sign in. Send `Idempotency-Key` to make a retry safe.',
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
    description:
      '`active: false` deactivates: their next request is a 401 `session-revoked`. `active: true` reactivates or approves. A new role or teams apply to their next request. A team they are not in already must be open (400). Admins cannot remove their own admin role or deactivate themselves (409).',
    access: ['admin'],
    params: { id: EntityId },
    body: UpdateUserBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The user as changed', schema: UserResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/users/{id}/invitation',
    tag: 'Users',
    summary: 'Send the invitation again',
    description: 'Only to someone still `invited` (409 otherwise, with a `reason`). In AWS Cognito also sends a new temporary password. Send `Idempotency-Key` so a repeated request sends one email.',
    access: ['admin'],
    params: { id: EntityId },
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The user, with the invitation counted', schema: UserResource, etag: true },
  },
]);
