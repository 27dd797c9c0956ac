/**
 * Checks each staff request against the caller's user record as it is now, not as it was
 * when their token was issued, so a deactivation, role change or team change applies to the
 * very next request rather than at token expiry, and against their authority's status, so a
 * suspended authority's staff are refused (403 `tenant-suspended`). Both records come from
 * per-process memory of at most a minute (`current-records.ts`). Kept apart from token verification so its
 * cost can be measured alone (`auth_recheck_overhead_ratio` in the bench).
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../api/app-env.ts';
import { clock } from '@waypoint/shared/time/clock';
import { requireServiceOpen } from '../../tenants/current-tenants.ts';
import { currentUsers } from '../../users/current-user-cache.ts';
import { markSignedIn } from '../../users/user-store.ts';
import { ApiError } from '../http/api-error.ts';
import { isStaffCaller, tenantContext } from './caller.ts';

export const recheckCaller = createMiddleware<AppEnv>(async (c, next) => {
  const caller = c.get('caller');
  const deps = c.get('deps');
  if (!isStaffCaller(caller) || deps.skipUserRecheck) return next();
  const tenant = c.get('tenant') ?? tenantContext({ tenantId: caller.tenantId, db: deps.dataClientFor(caller.tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
  // Both come from memory (at most a minute old), so the check costs two map lookups, not reads.
  const [user] = await Promise.all([currentUsers.read(tenant, caller.userId), requireServiceOpen(deps, caller.tenantId)]);
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
  if (c.get('staff')) c.set('staff', current);
  await next();
});
