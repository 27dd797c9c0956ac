/**
 * The per-party request limits, applied by the staff middleware (`limitStaffRequests`) and the
 * public routes (`limitPublicRequest`). A refusal is a 429 problem with `Retry-After`, one log
 * line (`tenant throttled`, with `requestId`, `tenant` and `bucket`: `staff`, `publicClient` or
 * `publicSession`; never an address or a token) and one count of the `TenantThrottled` metric
 * (`shared/src/observability/tenant-metrics.ts`, dimension `tenant`) that the alarm watches.
 */
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../../api/app-env.ts';
import type { TenantContext } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { logger } from '../logging/logger.ts';
import { tenantMetrics } from '../metrics/tenant-metrics.ts';
import { createLocalAllowance } from './local-allowance.ts';
import type { BucketKind, RequestLimits } from './request-limits.ts';

export interface RequestLimiter {
  /** Takes a token from the bucket, or throws the 429. */
  require(c: Context<AppEnv>, tenant: TenantContext, kind: BucketKind, id?: string): Promise<void>;
}

const DETAIL: Record<BucketKind, string> = {
  staff: 'Your authority has sent Waypoint more requests than it allows at once. Wait a moment, then try again.',
  publicClient: 'Too many requests have come from here just now. Wait a moment, then try again.',
  publicSession: 'Too many requests have come with this session just now. Wait a moment, then try again.',
};

const BUCKET: Record<BucketKind, 'staff' | 'client' | 'session'> = { staff: 'staff', publicClient: 'client', publicSession: 'session' };

/** One log line and one `TenantThrottled` count (Powertools Metrics, dimension `tenant`) per refusal. */
function reportThrottled(requestId: string, tenantId: string, kind: BucketKind, retryAfterSeconds: number) {
  logger.warn('tenant throttled', { requestId, tenant: tenantId, bucket: kind, retryAfterSeconds });
  tenantMetrics.throttled(tenantId);
}

export function createRequestLimiter(limits: RequestLimits): RequestLimiter {
  const allowance = createLocalAllowance();
  return {
    async require(c, tenant, kind, id) {
      const result = await allowance.take(tenant, tenant.keys.requestBucket(BUCKET[kind], id), limits[kind], clock.now().getTime());
      if (result.granted) return;
      reportThrottled(c.var.requestId, tenant.tenantId, kind, result.retryAfterSeconds);
      throw new ApiError('too-many-requests', DETAIL[kind], { reason: 'too-many-requests', retryAfterSeconds: result.retryAfterSeconds });
    },
  };
}

/** Staff routes: one bucket per authority, after the token has named it. */
export const limitStaffRequests = createMiddleware<AppEnv>(async (c, next) => {
  // c.get rather than c.var, which copies every variable of the request into a new object.
  await c.get('deps').requestLimiter?.require(c, c.get('tenant'), 'staff');
  await next();
});
