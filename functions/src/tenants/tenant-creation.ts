/**
 * The one way an authority is created: the operator's `POST /v1/platform/tenants` and the
 * local demo seed both come here, and the AWS onboarding script writes the same items
 * (`new-tenant-items.ts`). There are no transactions, so the steps are ordered for retries:
 * the slug is claimed first (only if absent, keeping what was asked for, so the same request
 * again carries on with the same tenant and another authority is a 409), then the admin's
 * sign-in account, the tenant's own items, the admin's record and invitation, and last the
 * directory entry that lists the authority. Every step after the claim is conditional on
 * absence or keyed by what it does, so running it again writes nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys, type Key } from '@waypoint/shared/tenancy/keys';
import { directoryItem, firstAdminUser, slugClaimItem, tenantOwnItems, type NewTenant, type SlugClaim } from '@waypoint/shared/tenancy/new-tenant-items';
import type { CreateTenantBody, TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { ApiDependencies } from '../api/dependencies.ts';
import { AccountExistsError } from '../platform/accounts/sign-in-accounts.ts';
import { recordPlatformActivity } from '../platform/activity/platform-activity-log.ts';
import { tenantContext, type Caller, type TenantContext } from '../platform/auth/caller.ts';
import { getItem, type ItemStore } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { queueInvitation } from '../users/user-invitation.ts';
import { putNewUser } from '../users/user-store.ts';
import { getTenantEntry } from './tenant-directory.ts';

/** Writes the item unless one is there; true when it wrote. */
export async function putIfAbsent(store: ItemStore, item: Record<string, unknown> & Key): Promise<boolean> {
  try {
    await store.db.send(new PutCommand({ TableName: store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

const slugTaken = () => new ApiError('conflict', 'Another authority already has that address', { errors: [{ path: 'slug', message: 'Another authority already has this address; choose another' }], reason: 'slug-taken' });

/** Whether a claim found on the slug is this request's own, made by an earlier try (or, for the seed, the same tenant). */
function sameRequest(claim: Partial<SlugClaim>, wanted: NewTenant & { adminEmail: string }): boolean {
  if (claim.tenantId === wanted.tenantId) return true;
  return claim.name === wanted.name && claim.region === wanted.region && claim.adminEmail === wanted.adminEmail.toLowerCase();
}

/** Claims the slug, or finds this request's earlier claim; the tenant id and time of the first try carry on. */
async function claimSlug(platform: ItemStore, wanted: NewTenant & { adminEmail: string }): Promise<{ tenantId: string; at: string; first: boolean }> {
  if (await putIfAbsent(platform, slugClaimItem(wanted))) return { tenantId: wanted.tenantId, at: wanted.at, first: true };
  const claim = await getItem<Partial<SlugClaim>>(platform, platformKeys.slug(wanted.slug));
  if (!claim?.tenantId || !sameRequest(claim, wanted)) throw slugTaken();
  return { tenantId: claim.tenantId, at: claim.createdAt ?? wanted.at, first: false };
}

/** Gives the slug back when the first try could not go on, so the address is free to use again. */
async function releaseSlug(platform: ItemStore, slug: string, tenantId: string): Promise<void> {
  try {
    await platform.db.send(new DeleteCommand({ TableName: platform.tableName, Key: platformKeys.slug(slug), ConditionExpression: 'tenantId = :tenant', ExpressionAttributeValues: { ':tenant': tenantId } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The tenant's profile, settings and built-in templates, each only if absent; returns how many were written. */
async function writeTenantOwnItems(tenant: TenantContext, newTenant: NewTenant): Promise<number> {
  let written = 0;
  for (const item of tenantOwnItems(newTenant)) if (await putIfAbsent(tenant, item)) written++;
  return written;
}

/**
 * An authority without a first admin: the demo seed's, whose people it writes itself. Claims
 * the slug for the given tenant id, writes the tenant's items and its directory entry.
 */
export async function provisionTenant(options: { platform: ItemStore; tenant: TenantContext; newTenant: NewTenant; adminEmail: string }): Promise<number> {
  const { platform, tenant, newTenant } = options;
  const claim = await claimSlug(platform, { ...newTenant, adminEmail: options.adminEmail });
  if (claim.tenantId !== newTenant.tenantId) throw slugTaken();
  const written = await writeTenantOwnItems(tenant, newTenant);
  return written + Number(await putIfAbsent(platform, directoryItem(newTenant)));
}

/** Creates an authority with its first admin, who is invited by email; a retry of the same request finishes it instead. */
export async function createTenant(options: { deps: ApiDependencies; body: CreateTenantBody; actor: Caller }): Promise<{ entry: TenantEntry; created: boolean }> {
  const { deps, body } = options;
  const platform: ItemStore = { db: deps.platformClient, tableName: deps.tableName };
  const wanted = { tenantId: randomUUID(), name: body.name, slug: body.slug, region: body.region, at: clock.nowIso() };
  const claim = await claimSlug(platform, { ...wanted, adminEmail: body.adminEmail });
  const newTenant: NewTenant = { ...wanted, tenantId: claim.tenantId, at: claim.at };
  const tenant = tenantContext({ tenantId: claim.tenantId, db: deps.dataClientFor(claim.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });

  let account: { userId: string };
  try {
    account = await deps.accounts.create({ tenantId: claim.tenantId, email: body.adminEmail, name: body.adminName, role: 'admin' });
  } catch (error) {
    if (!(error instanceof AccountExistsError)) throw error;
    if (claim.first) await releaseSlug(platform, body.slug, claim.tenantId);
    throw new ApiError('conflict', 'That email address already has a Waypoint account', {
      errors: [{ path: 'adminEmail', message: 'This email address already has a Waypoint account; use another' }],
      reason: 'email-taken',
    });
  }

  await writeTenantOwnItems(tenant, newTenant);
  const admin = firstAdminUser({ userId: account.userId, name: body.adminName, email: body.adminEmail, at: claim.at });
  try {
    await putNewUser(tenant, admin);
  } catch (error) {
    // An earlier try wrote the record already.
    if (!(error instanceof ApiError && error.kind === 'conflict')) throw error;
  }
  await queueInvitation({ tenant, deps, user: admin, sending: 1, at: claim.at });
  await putIfAbsent(platform, directoryItem(newTenant));
  await recordPlatformActivity({ platform, actor: options.actor, action: 'created', tenantId: claim.tenantId, at: claim.at, changes: Object.keys(body).sort() });
  const entry = await getTenantEntry(platform, claim.tenantId);
  if (!entry) throw new Error('The directory entry just written cannot be read');
  return { entry, created: claim.first };
}
