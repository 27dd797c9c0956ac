/** A tenant's settings: one versioned item in the tenant's own partition. */
import { SettingsFields, withLaterDefaults, type Settings, type UpdateSettingsBody } from '@waypoint/shared/settings/settings-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, updateVersioned } from '../platform/database/versioned-items.ts';

export type VersionedSettings = Settings & { version: number };

const SETTING_NAMES = Object.keys(SettingsFields) as (keyof Settings)[];

/** Just the settings and their version (the stored timestamps are not part of the contract); settings added since the item was written read as their defaults. */
function view(item: Record<string, unknown>): VersionedSettings {
  const picked = Object.fromEntries(SETTING_NAMES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]));
  return { ...withLaterDefaults(picked as Settings), version: Number(item.version) };
}

export async function getSettings(tenant: TenantContext): Promise<VersionedSettings | undefined> {
  const item = await getItem<Record<string, unknown>>(tenant, tenant.keys.settings());
  return item ? view(item) : undefined;
}

export async function updateSettings(options: { tenant: TenantContext; expectedVersion: number; changes: UpdateSettingsBody; at: string }) {
  const key = options.tenant.keys.settings();
  const { before, after } = await updateVersioned<Record<string, unknown>>({
    tenant: options.tenant,
    key,
    current: await getItem<Record<string, unknown>>(options.tenant, key),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'settings',
  });
  return { before: view(before), after: view(after) };
}
