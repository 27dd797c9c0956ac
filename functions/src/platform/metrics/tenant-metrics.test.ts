/**
 * The embedded-metric-format lines written to standard output are what CloudWatch turns into
 * metrics, so the test reads those lines.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenantMetrics } from './tenant-metrics.ts';

/** One embedded-metric-format line: the metric values at the top level, their description under `_aws`. */
type EmfLine = Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] } };

function capture() {
  const lines: EmfLine[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as EmfLine);
    return true;
  });
  return lines;
}

afterEach(() => vi.restoreAllMocks());

const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('per-tenant metrics', () => {
  it('count each request in the Waypoint namespace with the tenant as a dimension, and a 5xx as an error too', () => {
    const lines = capture();
    const metrics = createTenantMetrics({ service: 'waypoint-api', enabled: true });
    metrics.request(TENANT_A, 200);
    metrics.request(TENANT_A, 503);
    expect(lines).toHaveLength(2);
    const [ok, failed] = lines;
    const directive = ok!._aws.CloudWatchMetrics[0]!;
    expect(directive.Namespace).toBe('Waypoint');
    expect(directive.Dimensions[0]).toEqual(expect.arrayContaining(['service', 'tenant']));
    expect(ok).toMatchObject({ service: 'waypoint-api', tenant: TENANT_A, TenantRequests: 1 });
    expect(ok).not.toHaveProperty('TenantErrors');
    expect(failed).toMatchObject({ tenant: TENANT_A, TenantRequests: 1, TenantErrors: 1 });
  });

  it('count a throttled request for its tenant, and requests of no tenant under "none"', () => {
    const lines = capture();
    const metrics = createTenantMetrics({ service: 'waypoint-api', enabled: true });
    metrics.throttled(TENANT_A);
    metrics.request(null, 401);
    expect(lines[0]).toMatchObject({ tenant: TENANT_A, TenantThrottled: 1 });
    expect(lines[1]).toMatchObject({ tenant: 'none', TenantRequests: 1 });
    // The tenant dimension of one line never leaks into the next.
    expect(lines[1]!.tenant).toBe('none');
  });

  it('write nothing outside Lambda', () => {
    const lines = capture();
    createTenantMetrics({ service: 'waypoint-api', enabled: false }).request(TENANT_A, 200);
    expect(lines).toEqual([]);
  });
});
