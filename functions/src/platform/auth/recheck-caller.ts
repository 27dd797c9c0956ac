/**
 * Checks each staff request against the caller's user record as it is now, not as it was
 * when their token was issued, so a deactivation, role change or team change applies to the
 * very next request rather than at token expiry. The record comes from a per-process cache
 * of at most a minute (`current-user-cache.ts`). Kept apart from token verification so its
 * cost can be measured alone (`auth_recheck_overhead_ratio` in the bench).
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../api/app-env.ts';
import { clock } from '@waypoint/shared/time/clock';
import { currentUsers } from '../../users/current-user-cache.ts';
import { markSignedIn } from '../../users/user-store.ts';
import { ApiError } from '../http/api-error.ts';
import { isStaffCaller, tenantContext } from './caller.ts';

export const recheckCaller = createMiddleware<AppEnv>(async (c, next) => {
  const { caller, deps } = c.var;
  if (!isStaffCaller(caller) || deps.skipUserRecheck) return next();
  const tenant = c.var.tenant ?? tenantContext({ tenantId: caller.tenantId, db: deps.dataClientFor(caller.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
  const user = await currentUsers.read(tenant, caller.userId);
  if (!user || user.status === 'deactivated') {
    throw new ApiError('session-revoked', 'Your Waypoint account has been switched off by your authority’s administrator');
  }
  if (user.status === 'awaiting-approval') {
    throw new ApiError('forbidden', 'Your account is waiting for your authority’s administrator to approve it', { reason: 'awaiting-approval' });
  }
  if (user.status === 'invited') {
    await markSignedIn(tenant, user.id, clock.nowIso());
    currentUsers.forget(tenant.tenantId, user.id);
  }
  // The role on record wins over the token's, which may predate a change.
  const current = { ...caller, role: user.role };
  c.set('caller', current);
  if (c.var.staff) c.set('staff', current);
  await next();
});
