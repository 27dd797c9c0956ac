/**
 * What deleting an authority does to sign-in, before its records go (they say who its people
 * are and which provider is its):
 *
 * - its own sign-in provider (OpenID Connect or SAML) is taken out of the sign-in service (the
 *   portal's app client and the user pool in AWS), its email domains are let go and the
 *   platform's note of which authority the provider vouches for is deleted. The provider's name
 *   is the authority's own (`providerNameFor`), so no other authority's provider is touched;
 * - every sign-in account is deleted: its staff's a page of user records at a time, then any
 *   account the sign-in service made for someone who signed in through the provider but has
 *   no user record.
 *
 * Each piece is safe to repeat: a provider or account already gone is no error and counts
 * nothing the second time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { providerNameFor } from '@waypoint/shared/federation/connection-schemas';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { deleteProviderTenant, getConnection, releaseDomains } from '../federation/connection-store.ts';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';

/** User records read (and accounts deleted) per page. */
export const ACCOUNT_PAGE = 25;

const tenantOf = (deps: JobDependencies, tenantId: string): TenantContext => tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });

/**
 * Removes the authority's provider; what it removed, counted from the authority's connection
 * record (still there until the records are deleted), so a repeat counts the same.
 */
export async function removeSignInProvider(deps: JobDependencies, tenantId: string): Promise<{ providers: number; domains: number }> {
  const connection = await getConnection(tenantOf(deps, tenantId));
  const providerName = connection?.providerName ?? providerNameFor(tenantId);
  if (!deps.federation) {
    // Without the sign-in service a connected provider would outlive the authority: stop rather than certify that.
    if (connection) throw new Error('the offboarding job cannot reach the sign-in service to remove the authority’s provider');
  } else {
    // Even with no connection record (a disconnect that stopped half-way), the provider of that name is the authority's.
    await deps.federation.unregister(providerName);
  }
  const platform = { db: deps.platformClient, tableName: deps.tableName };
  if (connection) await releaseDomains(platform, tenantId, connection.domains);
  await deleteProviderTenant(platform, providerName);
  return { providers: connection ? 1 : 0, domains: connection?.domains.length ?? 0 };
}

export interface UserKey {
  PK: string;
  SK: string;
}

/**
 * Deletes the sign-in accounts of the authority's users after `start`, one at a time, calling
 * `done` after each with the user's key and whether an account was deleted, so progress is saved
 * per person: a run stopped by a failure goes on from the last person saved, counting none twice.
 * (Only a stop between deleting an account and saving it can leave that one account uncounted:
 * it is gone either way.) Stops when `done` says false.
 * Returns the key to go on from, or undefined after the last page.
 */
export async function removeSomeAccounts(deps: JobDependencies, tenantId: string, start: UserKey | undefined, done: (key: UserKey, removed: boolean) => Promise<boolean>): Promise<{ next?: UserKey; stopped: boolean }> {
  const accounts = deps.accounts;
  if (!accounts) throw new Error('the offboarding job cannot reach the sign-in service to delete the authority’s accounts');
  const tenant = tenantOf(deps, tenantId);
  const prefix = tenant.keys.usersPrefix();
  const page = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ProjectionExpression: 'PK, SK, id, email',
      ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
      ExclusiveStartKey: start,
      Limit: ACCOUNT_PAGE,
    }),
  );
  for (const item of page.Items ?? []) {
    const key = { PK: String(item.PK), SK: String(item.SK) };
    const removed = typeof item.email === 'string' && typeof item.id === 'string' ? await accounts.remove({ tenantId, email: item.email, userId: item.id }) : false;
    if (!(await done(key, removed))) return { stopped: true };
  }
  const next = page.LastEvaluatedKey ? { PK: String(page.LastEvaluatedKey.PK), SK: String(page.LastEvaluatedKey.SK) } : undefined;
  return { next, stopped: false };
}

/** One page of the accounts made through the provider that no user record led to; 0 once none is left. */
export async function removeSomeProviderAccounts(deps: JobDependencies, tenantId: string): Promise<number> {
  return (await deps.accounts?.removeProviderAccounts?.(providerNameFor(tenantId))) ?? 0;
}
