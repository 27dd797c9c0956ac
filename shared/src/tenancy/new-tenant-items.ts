/**
 * What a new authority is made of, as items: the slug claim, its profile, settings and
 * built-in templates, its directory entry and its first admin's record. The API's creation
 * code, the local seed and the AWS onboarding script all write these, so there is one
 * definition of a new tenant whichever way it is made.
 */
import { defaultSettings } from '../settings/settings-schemas.ts';
import { builtInTemplateItems } from '../templates/built-in/built-in-template-items.ts';
import type { User } from '../users/user-schemas.ts';
import { platformKeys, tenantKeys, type Key } from './keys.ts';
import type { TenantEntry } from './tenant-schemas.ts';

export interface NewTenant {
  tenantId: string;
  name: string;
  slug: string;
  region: string;
  /** ISO timestamp stamped on every item. */
  at: string;
}

/**
 * The slug's claim, written first and only if absent. It keeps what was asked for, so a retry
 * of the same request is told apart from another authority wanting the same address.
 */
export interface SlugClaim {
  tenantId: string;
  name: string;
  region: string;
  adminEmail: string;
  createdAt: string;
}

export function slugClaimItem(tenant: NewTenant & { adminEmail: string }): Record<string, unknown> & Key {
  const claim: SlugClaim = { tenantId: tenant.tenantId, name: tenant.name, region: tenant.region, adminEmail: tenant.adminEmail.toLowerCase(), createdAt: tenant.at };
  return { ...platformKeys.slug(tenant.slug), ...claim };
}

export function directoryEntry(tenant: NewTenant): TenantEntry {
  return { id: tenant.tenantId, slug: tenant.slug, name: tenant.name, region: tenant.region, status: 'active', createdAt: tenant.at, updatedAt: tenant.at, version: 1 };
}

/** The tenant's own items (profile, settings, built-in templates), each to be written only if absent. */
export function tenantOwnItems(tenant: NewTenant): (Record<string, unknown> & Key)[] {
  const keys = tenantKeys(tenant.tenantId);
  const stamp = { version: 1, createdAt: tenant.at, updatedAt: tenant.at };
  return [
    { ...keys.profile(), id: tenant.tenantId, slug: tenant.slug, name: tenant.name, region: tenant.region, createdAt: tenant.at },
    { ...keys.settings(), ...defaultSettings(tenant.name), ...stamp },
    ...(builtInTemplateItems(tenant.tenantId, tenant.at) as (Record<string, unknown> & Key)[]),
  ];
}

/** The directory entry, written last: until it exists the authority is not listed or reachable. */
export function directoryItem(tenant: NewTenant): Record<string, unknown> & Key {
  return { ...platformKeys.tenant(tenant.tenantId), ...directoryEntry(tenant) };
}

/** The first tenant admin, invited: their id is their sign-in account's subject. */
export function firstAdminUser(options: { userId: string; name: string; email: string; at: string }): User {
  const { at } = options;
  return { id: options.userId, name: options.name, email: options.email.toLowerCase(), role: 'admin', teamIds: [], status: 'invited', active: true, invitationsSent: 1, invitedAt: at, version: 1, createdAt: at, updatedAt: at };
}
