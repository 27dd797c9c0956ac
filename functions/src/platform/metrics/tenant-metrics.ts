/**
 * Per-tenant counts in CloudWatch through Powertools Metrics (embedded metric format: a JSON line
 * on standard output that CloudWatch turns into metrics, no API call): each API request and each
 * 5xx, and each request held back by a tenant's limit, with the tenant id as a dimension, so load,
 * errors and cost can be attributed to each authority. Only inside Lambda: on one machine the
 * lines would only be noise, so nothing is written there unless a test asks for it.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, TENANT_DIMENSION, TENANT_METRICS } from '@waypoint/shared/observability/tenant-metrics';

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
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: options.service });
  // Each call adds its dimension, its counts and writes them at once, synchronously, so two
  // requests can never mix their tenants in one line.
  const publish = (tenantId: string | null, counts: [string, number][]) => {
    metrics.addDimension(TENANT_DIMENSION, tenantId ?? NO_TENANT);
    for (const [name, value] of counts) metrics.addMetric(name, MetricUnit.Count, value);
    metrics.publishStoredMetrics();
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
