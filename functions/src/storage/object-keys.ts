/**
 * Object keys in the bucket. Every key starts `tenants/<tenantId>/`, the prefix the per-tenant
 * data role is limited to in AWS, and every later part is an id we generated: a user's filename
 * never becomes part of a key (it lives on the item and only reaches a download's
 * Content-Disposition, encoded).
 */
import { isTenantId } from '@waypoint/shared/tenancy/keys';

/** The areas of a tenant's prefix; `imports` and `exports` are expired by lifecycle rules in AWS. */
export const OBJECT_AREAS = ['evidence', 'imports', 'exports'] as const;
export type ObjectArea = (typeof OBJECT_AREAS)[number];

/** A key part: letters, digits, `-`, `_` and a single inner `.` run; never `/`, `..` or spaces. */
const KEY_PART = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export class ObjectKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectKeyError';
  }
}

export function tenantObjectKey(tenantId: string, area: ObjectArea, ...parts: string[]): string {
  if (!isTenantId(tenantId)) throw new ObjectKeyError('A tenant id must be a lower-case UUID');
  if (!OBJECT_AREAS.includes(area)) throw new ObjectKeyError(`Unknown object area ${String(area)}`);
  if (parts.length === 0) throw new ObjectKeyError('An object key needs at least one part after the area');
  for (const part of parts) {
    if (!KEY_PART.test(part) || part.length > 200) throw new ObjectKeyError('Object key parts must be generated ids');
  }
  return ['tenants', tenantId, area, ...parts].join('/');
}

/** The prefix of all of one tenant's objects (for `list` and for IAM). */
export function tenantObjectPrefix(tenantId: string, area?: ObjectArea): string {
  if (!isTenantId(tenantId)) throw new ObjectKeyError('A tenant id must be a lower-case UUID');
  return area ? `tenants/${tenantId}/${area}/` : `tenants/${tenantId}/`;
}

/**
 * The tenant a key or prefix belongs to, or an error for anything not under `tenants/<uuid>/`.
 * The object store asks this of every key, so it can sign with that tenant's credentials.
 */
export function tenantOfKey(key: string): string {
  const [root, tenantId, ...rest] = key.split('/');
  if (root !== 'tenants' || !tenantId || !isTenantId(tenantId)) throw new ObjectKeyError('Object keys must start tenants/<tenantId>/');
  if (rest.some((part) => part === '..' || part === '.') || key.includes('//')) throw new ObjectKeyError('Object keys must not contain empty, . or .. parts');
  return tenantId;
}

/** The area of a full key, when it is one of ours. */
export function areaOfKey(key: string): ObjectArea | undefined {
  const area = key.split('/')[2];
  return OBJECT_AREAS.find((known) => known === area);
}
