/**
 * Per-tenant counts in CloudWatch in the embedded metric format (the format Powertools Metrics
 * writes: a JSON line on standard output that CloudWatch turns into metrics, no API call),
 * written here in a few lines because Powertools Metrics would add 15 KB to every API bundle and
 * take the casework function over its 400 KB budget: each API request and each
 * 5xx, and each request held back by a tenant's limit, with the tenant id as a dimension, so load,
 * errors and cost can be attributed to each authority. Only inside Lambda: on one machine the
 * lines would only be noise, so nothing is written there unless a test asks for it.
 */
import { METRICS_NAMESPACE, SERVICE_DIMENSION, TENANT_DIMENSION, TENANT_METRICS } from '@waypoint/shared/observability/tenant-metrics';

/** The dimension value of a request that acts for no tenant (health check, sign-in failures). */
export const NO_TENANT = 'none';

export interface TenantMetrics {
  /** One API request answered with `status`, for `tenantId` (or NO_TENANT). */
  request(tenantId: string | null, status: number): void;
  /** One request refused 429 by the tenant's (or public client's) token bucket. */
  throttled(tenantId: string | null): void;
}

const noMetrics: TenantMetrics = { request: () => {}, throttled: () => {} };

export function createTenantMetrics(options: { service: string; enabled: boolean }): TenantMetrics {
  if (!options.enabled) return noMetrics;
  // One line per call, written synchronously, so two requests can never mix their tenants.
  const publish = (tenantId: string | null, counts: [string, number][]) => {
    const line = {
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[SERVICE_DIMENSION, TENANT_DIMENSION]], Metrics: counts.map(([name]) => ({ Name: name, Unit: 'Count' })) }],
      },
      [SERVICE_DIMENSION]: options.service,
      [TENANT_DIMENSION]: tenantId ?? NO_TENANT,
      ...Object.fromEntries(counts),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  return {
    request: (tenantId, status) => publish(tenantId, [[TENANT_METRICS.requests, 1], ...(status >= 500 ? [[TENANT_METRICS.errors, 1] as [string, number]] : [])]),
    throttled: (tenantId) => publish(tenantId, [[TENANT_METRICS.throttled, 1]]),
  };
}

export const tenantMetrics = createTenantMetrics({
  service: process.env.SERVICE_NAME ?? 'waypoint',
  enabled: Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && !process.env.VITEST,
});
