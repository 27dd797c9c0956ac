/**
 * The names of Waypoint's own CloudWatch metrics, shared by the code that emits them (Powertools
 * Metrics in the API) and the CDK alarms that watch them, so the two cannot drift apart.
 * Per-tenant metrics carry the tenant id in the `tenant` dimension: one series per authority,
 * so load, errors and cost can be attributed to each.
 */
export const METRICS_NAMESPACE = 'Waypoint';

/** Dimension holding the tenant id (or `platform` for requests that belong to no tenant). */
export const TENANT_DIMENSION = 'tenant';

/** Powertools adds the service name (`waypoint-api`) as a dimension of every metric. */
export const SERVICE_DIMENSION = 'service';

export const TENANT_METRICS = {
  /** One per API request, by tenant. */
  requests: 'TenantRequests',
  /** One per API request answered 5xx, by tenant. */
  errors: 'TenantErrors',
  /** One per request refused 429 by a tenant's (or a public client's) token bucket. */
  throttled: 'TenantThrottled',
} as const;

/** Counted from the API's and jobs' logs: DynamoDB or STS refused a data role, the sign of an isolation bug. */
export const DATA_ACCESS_DENIED_METRIC = 'DataAccessDenied';
