import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWithLogContext, setLogTenant } from './log-context.ts';
import { createLogger } from './logger.ts';

/**
 * Through the real Powertools logger: it writes INFO to standard output and WARN and ERROR to
 * standard error (both reach CloudWatch Logs), so the test reads what reaches both streams.
 */
function capture(level: string | undefined) {
  const lines: Record<string, unknown>[] = [];
  const keep = (chunk: unknown) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  return { logger: createLogger({ service: 'waypoint-api', level }), lines };
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env._X_AMZN_TRACE_ID;
});

describe('logger', () => {
  it('writes one JSON line with level, message, time and service, then the attributes', () => {
    const { logger, lines } = capture('INFO');
    logger.info('request', { method: 'GET', route: '/v1/cases/:ref', status: 200, ms: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'INFO', message: 'request', timestamp: expect.any(String), service: 'waypoint-api', method: 'GET', route: '/v1/cases/:ref', status: 200, ms: 3 });
  });

  it('writes only entries at or above its level, and nothing when SILENT', () => {
    const warn = capture('warn');
    warn.logger.info('quiet');
    warn.logger.warn('heard');
    warn.logger.error('heard too');
    expect(warn.lines.map((line) => [line.level, line.message])).toEqual([
      ['WARN', 'heard'],
      ['ERROR', 'heard too'],
    ]);
    vi.restoreAllMocks();
    const silent = capture('SILENT');
    silent.logger.info('never');
    silent.logger.error('never either');
    expect(silent.lines).toEqual([]);
  });

  it('takes INFO for a missing or unknown level', () => {
    for (const level of [undefined, 'LOUD']) {
      const { logger, lines } = capture(level);
      logger.info('counted');
      expect(lines).toHaveLength(1);
      vi.restoreAllMocks();
    }
  });

  it("writes an Error's name, message and stack rather than an empty object", () => {
    const { logger, lines } = capture('ERROR');
    logger.error('unhandled error', { error: new TypeError('bad thing') });
    expect(lines[0]!.error).toMatchObject({ name: 'TypeError', message: 'bad thing', stack: expect.stringContaining('TypeError: bad thing') });
  });

  it("carries the invocation's X-Ray trace id inside Lambda", () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1';
    const { logger, lines } = capture('INFO');
    logger.info('job finished');
    expect(lines[0]!.xray_trace_id).toBe('1-67891233-abcdef012345678912345678');
  });

  it('puts the request id on every line of a request, and the tenant id from the moment it is known', async () => {
    const { logger, lines } = capture('INFO');
    await runWithLogContext({ requestId: 'req-1', tenantId: null }, async () => {
      logger.info('access token refused', { reason: 'expired' });
      await Promise.resolve();
      setLogTenant('0f8fad5b-d9cb-469f-a165-70867728950e');
      logger.error('unhandled error', { route: '/v1/cases' });
    });
    expect(lines[0]).toMatchObject({ message: 'access token refused', requestId: 'req-1', tenantId: 'none', reason: 'expired' });
    expect(lines[1]).toMatchObject({ message: 'unhandled error', requestId: 'req-1', tenantId: '0f8fad5b-d9cb-469f-a165-70867728950e' });
  });

  it('keeps concurrent requests’ ids apart', async () => {
    const { logger, lines } = capture('INFO');
    const request = (requestId: string, tenantId: string) =>
      runWithLogContext({ requestId, tenantId: null }, async () => {
        setLogTenant(tenantId);
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.info('request', { tenantSeenAs: tenantId });
      });
    await Promise.all([request('a', 'tenant-a'), request('b', 'tenant-b')]);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.tenantId).toBe(line.tenantSeenAs);
    expect(lines.map((line) => line.requestId).sort()).toEqual(['a', 'b']);
  });

  it('adds no ids outside a request, where there are none', () => {
    const { logger, lines } = capture('INFO');
    logger.info('cold start');
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(lines[0]).not.toHaveProperty('tenantId');
  });
});
