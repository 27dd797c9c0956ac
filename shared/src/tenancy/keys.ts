/**
 * The one place that builds DynamoDB keys. Every tenant key, on the table and on every
 * index, starts with `TENANT#<uuid>`; platform keys start with `PLATFORM#` and are built
 * only by `platformKeys`. Ids containing the separator are rejected so that one tenant's
 * key can never be made to look like another's. Each capability's keys are in its own file
 * under `keys/`; callers import them all from here. Their strings are pinned by
 * keys-pinned.test.ts.
 */
import { tenantRoot } from './keys/key-parts.ts';
import { authorityKeys } from './keys/authority.ts';
import { bookkeepingKeys } from './keys/bookkeeping.ts';
import { caseKeys } from './keys/cases.ts';
import { templateKeys } from './keys/templates.ts';
import { auditKeys } from './keys/audits.ts';
import { actionKeys } from './keys/actions.ts';
import { totalsKeys } from './keys/totals.ts';
import { programmeKeys } from './keys/programme.ts';
import { complianceKeys } from './keys/compliance.ts';
import { engagementKeys } from './keys/engagement.ts';
import { alertKeys } from './keys/alerts.ts';
import { shadowingKeys } from './keys/shadowing.ts';
import { reviewKeys } from './keys/reviews.ts';
import { importKeys } from './keys/imports.ts';
import { retentionKeys } from './keys/retention.ts';
import { dataExportKeys } from './keys/data-exports.ts';

export { isSafeId, isTenantId, SEPARATOR, UnsafeKeyPartError, type Key } from './keys/key-parts.ts';
export { platformKeys } from './keys/platform.ts';

/** Far more than the authorities one process serves; the bound keeps a long-lived process from growing. */
const MAX_KEPT_TENANTS = 1_000;
const builtKeys = new Map<string, TenantKeys>();

/**
 * Keys for one tenant. Build it from the verified tenant id, never from request input. Built
 * once per tenant and kept (every request needs one, and building its hundred functions each
 * time was a visible part of a read); frozen, so no caller can change another's. The tenant
 * id is validated before anything is kept.
 */
export function tenantKeys(tenantId: string): TenantKeys {
  let keys = builtKeys.get(tenantId);
  if (!keys) {
    keys = Object.freeze(buildTenantKeys(tenantId));
    if (builtKeys.size >= MAX_KEPT_TENANTS) builtKeys.delete(builtKeys.keys().next().value!);
    builtKeys.set(tenantId, keys);
  }
  return keys;
}

function buildTenantKeys(tenantId: string) {
  const root = tenantRoot(tenantId);
  return {
    /** The leading key every item and index entry of this tenant starts with. */
    root,
    ...authorityKeys(root),
    ...bookkeepingKeys(root),
    ...caseKeys(root),
    ...templateKeys(root),
    ...auditKeys(root),
    ...actionKeys(root),
    ...totalsKeys(root),
    ...programmeKeys(root),
    ...complianceKeys(root),
    ...engagementKeys(root),
    ...alertKeys(root),
    ...shadowingKeys(root),
    ...reviewKeys(root),
    ...importKeys(root),
    ...retentionKeys(root),
    ...dataExportKeys(root),
  };
}

export type TenantKeys = Readonly<ReturnType<typeof buildTenantKeys>>;
