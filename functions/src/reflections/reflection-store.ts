/** Reflections live in their audit's partition, so the audit's read view gets them in the same query. */
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem } from '../platform/database/versioned-items.ts';

/** Conditional on absence: a reflection is written once and never overwritten. */
export async function putNewReflection(tenant: TenantContext, reflection: Reflection): Promise<void> {
  await createItem({ tenant, key: tenant.keys.reflection(reflection.auditId, reflection.id), item: { ...reflection }, what: 'reflection' });
}
