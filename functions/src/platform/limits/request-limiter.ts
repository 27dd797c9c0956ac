/**
 * The per-party request limits, applied by the staff middleware (`limitStaffRequests`) and the
 * public routes (`limitPublicRequest`). A refusal is a 429 problem with `Retry-After`, and is
 * written as one log line that is also a CloudWatch embedded metric: `TenantThrottled` (Count)
 * in the `Waypoint` namespace with the dimension `tenant`, so an alarm can say which authority
 * was throttled. The line carries `requestId`, `tenant` and `bucket` (`staff`, `publicClient`
 * or `publicSession`), never an address or a token.
 */
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../../api/app-env.ts';
import type { TenantContext } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import { logger } from '../logging/logger.ts';
import { createLocalAllowance } from './local-allowance.ts';
import type { BucketKind, RequestLimits } from './request-limits.ts';

export const METRIC_NAMESPACE = 'Waypoint';
export const THROTTLED_METRIC = 'TenantThrottled';
export const TENANT_DIMENSION = 'tenant';

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

/** The refusal as a log line CloudWatch also reads as the metric (embedded metric format). */
function reportThrottled(requestId: string, tenantId: string, kind: BucketKind, retryAfterSeconds: number) {
  logger.warn('tenant throttled', {
    requestId,
    tenant: tenantId,
    bucket: kind,
    retryAfterSeconds,
    [THROTTLED_METRIC]: 1,
    _aws: {
      Timestamp: clock.now().getTime(),
      CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [[TENANT_DIMENSION]], Metrics: [{ Name: THROTTLED_METRIC, Unit: 'Count' }] }],
    },
  });
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
  await c.var.deps.requestLimiter?.require(c, c.var.tenant, 'staff');
  await next();
});
