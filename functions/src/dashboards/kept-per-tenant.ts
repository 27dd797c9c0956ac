/**
 * What the service view reads beside its totals (section titles, the theme list) changes far
 * less often than a dashboard is read: each is kept in memory per tenant for five minutes,
 * so a view stays one Query of the totals. A value a few minutes old labels the same figures.
 */
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';

const FRESH_FOR_MS = 5 * 60 * 1000;

const everyKept: Map<string, unknown>[] = [];

/** `load`, remembered per tenant for five minutes. */
export function keptPerTenant<T>(load: (tenant: TenantContext) => Promise<T>): (tenant: TenantContext) => Promise<T> {
  const kept = new Map<string, { at: number; value: T }>();
  everyKept.push(kept);
  return async (tenant) => {
    const hit = kept.get(tenant.tenantId);
    if (hit && clock.now().getTime() - hit.at < FRESH_FOR_MS) return hit.value;
    const value = await load(tenant);
    kept.set(tenant.tenantId, { at: clock.now().getTime(), value });
    return value;
  };
}

/** Forgets every kept value: for a test stack whose data was put back as seeded. */
export function forgetKeptValues(): void {
  for (const kept of everyKept) kept.clear();
}
