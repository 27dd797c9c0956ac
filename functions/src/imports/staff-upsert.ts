/**
 * Applying a chunk of staff rows: someone new gets a sign-in account, a user record and the
 * usual invitation email; someone already here (by email) has their name, role and teams
 * brought up to date. Every step is safe to repeat after a crash: the account is found again
 * by email, the record is created only if absent, the invitation's email is queued once.
 */
import { withStatus, type User } from '@waypoint/shared/users/user-schemas';
import type { ApiDependencies } from '../api/dependencies.ts';
import { changesNothing } from '../platform/database/versioned-items.ts';
import { AccountNotFoundError } from '../platform/accounts/sign-in-accounts.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { queueInvitation } from '../users/user-invitation.ts';
import { putNewUser, updateUser } from '../users/user-store.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { inParallel } from '../platform/database/in-parallel.ts';
import type { ApplyContext, RowOutcome } from './import-kinds.ts';
import type { StaffFromRow } from './staff-rows.ts';

export async function upsertStaff(context: ApplyContext, rows: readonly { row: number; value: StaffFromRow }[]): Promise<RowOutcome[]> {
  const users = await readAllWithPrefix<User>(context.tenant, context.tenant.keys.usersPrefix());
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), withStatus(u)]));
  return inParallel(rows, 4, ({ value }) => upsertOne(context, value, byEmail.get(value.email)));
}

async function upsertOne(context: ApplyContext, value: StaffFromRow, existing: User | undefined): Promise<RowOutcome> {
  const { tenant, accounts } = context;
  if (existing) {
    const marked = (existing as User & { lastImport?: { id: string; outcome: 'created' | 'updated' } }).lastImport;
    if (marked?.id === context.importId) return marked.outcome;
    const changes: Record<string, unknown> = { name: value.name, role: value.role, ...(value.teamIds ? { teamIds: value.teamIds } : {}) };
    if (changesNothing(existing, changes)) return 'unchanged';
    if (value.role !== existing.role && accounts) {
      await accounts.update({ tenantId: tenant.tenantId, email: existing.email, role: value.role }).catch((error: unknown) => {
        // People on record who never had a sign-in have nothing to change.
        if (!(error instanceof AccountNotFoundError)) throw error;
      });
    }
    await updateUser({ tenant, current: existing, expectedVersion: existing.version, changes: { ...changes, lastImport: { id: context.importId, outcome: 'updated' } } as never, at: context.at });
    currentUsers.forget(tenant.tenantId, existing.id);
    return 'updated';
  }
  if (!accounts) return { refused: 'New staff cannot be added by an import here; add them under Users.' };
  const account = await accounts.create({ tenantId: tenant.tenantId, email: value.email, name: value.name, role: value.role });
  const user: User = {
    email: value.email,
    name: value.name,
    role: value.role,
    teamIds: value.teamIds ?? [],
    id: account.userId,
    status: 'invited',
    active: true,
    invitationsSent: 1,
    invitedAt: context.at,
    version: 1,
    createdAt: context.at,
    updatedAt: context.at,
  };
  try {
    await putNewUser(tenant, { ...user, lastImport: { id: context.importId, outcome: 'created' } } as User);
  } catch (error) {
    // Written by this import's earlier pass, which stopped before its checkpoint.
    if (!(error instanceof ApiError && error.kind === 'conflict')) throw error;
  }
  await queueInvitation({ tenant, deps: { accounts } as ApiDependencies, user, sending: 1, at: context.at });
  return 'created';
}
