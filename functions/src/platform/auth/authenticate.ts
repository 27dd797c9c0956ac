/**
 * The one tenant-context middleware: verifies the bearer token, then (on tenant routes)
 * builds the tenant context from the token's claims. The platform operator has no tenant
 * and is refused tenant routes with 403.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../api/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import { InvalidTokenError } from './access-token.ts';
import { setLogTenant } from '../logging/log-context.ts';
import { logger } from '../logging/logger.ts';
import { callerFromClaims, isStaffCaller, tenantContext } from './caller.ts';

/**
 * The token of an `Authorization: Bearer <token>` header, for staff and public sessions
 * alike. The scheme name is case-insensitive (RFC 9110 11.1): `bearer` and `BEARER` work too.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header ?? '')?.[1];
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new ApiError('unauthenticated', 'Send an access token as "Authorization: Bearer <token>"');
  let claims;
  try {
    claims = await c.get('deps').verifyAccessToken(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) {
      // The issuer's keys could not be fetched: the token was never judged, so this is not a 401.
      logger.error('access token could not be checked', { error: error instanceof Error ? error.name : 'unknown' });
      throw new ApiError('unavailable', 'Sign-in cannot be checked right now; try again shortly');
    }
    logger.info('access token refused', { reason: error.message });
    throw new ApiError('unauthenticated', 'The access token is not valid or has expired');
  }
  const caller = callerFromClaims(claims);
  c.set('caller', caller);
  setLogTenant(isStaffCaller(caller) ? caller.tenantId : 'platform');
  await next();
});

export const requireTenant = createMiddleware<AppEnv>(async (c, next) => {
  const caller = c.get('caller');
  if (!isStaffCaller(caller)) throw new ApiError('forbidden', 'The platform operator cannot use tenant routes');
  const deps = c.get('deps');
  c.set('staff', caller);
  c.set('tenant', tenantContext({ tenantId: caller.tenantId, db: deps.dataClientFor(caller.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl }));
  await next();
});

/** Platform routes: the platform operator only; a tenant's staff, admins included, are refused. */
export const requireOperator = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('caller').role !== 'operator') throw new ApiError('forbidden', 'Only the platform operator can use platform routes');
  await next();
});
