/**
 * The public area's only use of the platform directory: an address (slug) to the tenant it
 * belongs to, read once per request that starts from the address. Everything after that
 * works from the tenant's own items, or from the signed session alone.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { ApiDependencies } from '../api/dependencies.ts';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { setLogTenant } from '../platform/logging/log-context.ts';
import { getSettings, type VersionedSettings } from '../settings/settings-store.ts';
import { currentTenants, requireServiceOpen } from '../tenants/current-tenants.ts';

export const unknownArea = () => new ApiError('not-found', 'There is no have-your-say area at this address', { reason: 'unknown-area' });

/**
 * The tenant at `slug`. An address no listed authority has is a 404; a paused authority's
 * area (and so every code in it) is a 403 `tenant-suspended`, from the same minute-long
 * memory of its directory entry that staff requests are checked against.
 */
export async function tenantAtSlug(deps: ApiDependencies, slug: string): Promise<TenantContext> {
  const { Item: pointer } = await deps.platformClient.send(new GetCommand({ TableName: deps.tableName, Key: platformKeys.slug(slug) }));
  const tenantId = typeof pointer?.tenantId === 'string' ? pointer.tenantId : undefined;
  // A slug claimed by an authority still being created has no directory entry yet.
  if (!tenantId || !(await currentTenants.read(deps, tenantId))) throw unknownArea();
  await requireServiceOpen(deps, tenantId);
  return tenantContextFor(deps, tenantId);
}

/** A tenant context from a tenant id the API itself signed (a session), never from request input. */
export function tenantContextFor(deps: ApiDependencies, tenantId: string): TenantContext {
  setLogTenant(tenantId);
  return tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
}

export async function settingsOf(tenant: TenantContext): Promise<VersionedSettings> {
  const settings = await getSettings(tenant);
  if (!settings) throw new ApiError('not-found', 'This authority has not finished setting up', { reason: 'unknown-area' });
  return settings;
}
