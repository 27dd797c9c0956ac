/**
 * Who is calling, from verified token claims only, and the tenant context routes work in.
 * No path, query, header or body can name a tenant: the keys are built from these claims.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isStaffRole, type Role, type StaffRole } from '@waypoint/shared/tenancy/roles';
import { isTenantId, tenantKeys, type TenantKeys } from '@waypoint/shared/tenancy/keys';
import { ApiError } from '../http/api-error.ts';

export interface Caller {
  userId: string;
  role: Role;
  tenantId: string | null;
}

export interface StaffCaller extends Caller {
  role: StaffRole;
  tenantId: string;
}

export interface TenantContext {
  tenantId: string;
  keys: TenantKeys;
  db: DynamoDBDocumentClient;
  tableName: string;
  /** The portal's public address (`PORTAL_URL`), which links in emails start with. */
  portalUrl: string;
}

export function callerFromClaims(claims: { sub: string; tenantId: string | null; role: string }): Caller {
  if (claims.role === 'operator') return { userId: claims.sub, role: 'operator', tenantId: null };
  if (!isStaffRole(claims.role) || !claims.tenantId || !isTenantId(claims.tenantId)) {
    throw new ApiError('unauthenticated', 'The access token does not carry a valid tenant and role');
  }
  return { userId: claims.sub, role: claims.role, tenantId: claims.tenantId };
}

export function isStaffCaller(caller: Caller): caller is StaffCaller {
  return caller.role !== 'operator' && caller.tenantId !== null;
}

export function tenantContext(options: { tenantId: string; db: DynamoDBDocumentClient; tableName: string; portalUrl: string }): TenantContext {
  return { ...options, keys: tenantKeys(options.tenantId) };
}

/** 403 unless the caller's role is one of `roles`. */
export function requireRole(caller: StaffCaller, roles: readonly StaffRole[]): void {
  if (!roles.includes(caller.role)) throw new ApiError('forbidden', 'Your role does not allow this');
}
