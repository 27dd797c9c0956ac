/** The API's Lambda entry points (one per group of routes) answer synthetic API Gateway HTTP API (v2) events. */
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_GROUPS, apiGroupForPath, type ApiGroup } from '@waypoint/functions/api/api-groups';
import { startStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
type Handler = (event: LambdaEvent, context: LambdaContext) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
const handlers = new Map<ApiGroup, Handler>();
/** The function API Gateway would send this event to (one per group of routes), as it answers it. */
const handler: Handler = (event, context) => handlers.get(apiGroupForPath((event as { rawPath: string }).rawPath))!(event, context);

function httpApiEvent(options: { method: string; path: string; token?: string; body?: string; query?: string }): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: options.path,
    rawQueryString: options.query ?? '',
    headers: {
      host: 'api.example',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method: options.method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795000000000,
      authentication: null,
      authorizer: {},
    },
    body: options.body,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

const context = {} as LambdaContext;

beforeAll(async () => {
  stack = await startStack();
  process.env.OIDC_ISSUER = stack.issuer;
  process.env.API_AUDIENCE = 'waypoint-api';
  process.env.DYNAMODB_ENDPOINT = stack.databaseEndpoint;
  process.env.TABLE_NAME = stack.tableName;
  process.env.PORTAL_URL = 'https://waypoint.example';
  for (const group of API_GROUPS) handlers.set(group, ((await import(`@waypoint/functions/api/lambda-${group}`)) as { handler: Handler }).handler);
});

afterAll(async () => {
  await stack?.stop();
});

describe('API Lambda entry point', () => {
  it('answers the health check', async () => {
    const response = await handler(httpApiEvent({ method: 'GET', path: '/v1/health' }), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('serves a signed-in manager their team’s cases', async () => {
    const token = await stack.tokenFor('manager@northvale.example');
    const response = await handler(httpApiEvent({ method: 'GET', path: '/v1/cases', query: 'limit=5', token }), context);
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { items: { ref: string; teamId: string }[] };
    expect(body.items).toHaveLength(5);
    expect(body.items.every((c) => c.ref.startsWith('NV-') && c.teamId === 'child-in-need')).toBe(true);
  });

  it('refuses a request without a token with problem+json', async () => {
    const response = await handler(httpApiEvent({ method: 'GET', path: '/v1/cases' }), context);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('rejects a malformed body without writing anything', async () => {
    const token = await stack.tokenFor('manager@northvale.example');
    const response = await handler(httpApiEvent({ method: 'POST', path: '/v1/cases', token, body: '{"ref":' }), context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).title).toMatch(/JSON/);
  });
});
