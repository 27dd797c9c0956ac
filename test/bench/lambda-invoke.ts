/**
 * The API as Lambda runs it: in AWS there is no Node HTTP server in front of the app; API
 * Gateway hands the function an HTTP API (v2) event and the handler (`handleHttpApi`, as in
 * `lambda-<group>.ts`) answers it. So the bench also calls the casework group's
 * handler in this process with such an event, over the bench's own database and issuer, and
 * compares that with the SDK's own GetItem to the same database from the same process: like
 * with like, without the extra loopback HTTP hop (and second event loop turn) that a request
 * through the local server adds beside an in-process GetItem. Its dependencies are a Lambda's,
 * request limiter included (with the stack's roomy limits, over the same buckets in the same
 * table, like a second instance), so the figure carries every check a deployed read makes.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { caseworkGroup, composeApp } from '@waypoint/functions/api/app';
import { handleHttpApi, type HttpApiEvent } from '@waypoint/functions/api/http-api-handler';
import { API_AUDIENCE } from '@waypoint/functions/local/local-stack';
import { createAccessTokenVerifier } from '@waypoint/functions/platform/auth/access-token';
import { createRequestLimiter } from '@waypoint/functions/platform/limits/request-limiter';
import type { LocalStack } from '@waypoint/functions/local/local-stack';
import type { ApiDependencies } from '@waypoint/functions/api/dependencies';
import { ROOMY } from '../support/roomy-limits.ts';

/** The event API Gateway's HTTP API sends for a GET with a bearer token. */
function httpApiGet(path: string, token: string): HttpApiEvent {
  const [rawPath, rawQueryString = ''] = path.split('?') as [string, string?];
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'api.bench.example', authorization: `Bearer ${token}`, accept: 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'api.bench.example',
      domainPrefix: 'api',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: '06/Dec/2026:23:00:00 +0000',
      timeEpoch: 1796598000000,
    },
    isBase64Encoded: false,
  };
}

/** What the handler is built over: a test stack, or the same parts rebuilt in another process (casework-process.ts). */
export type CaseworkSurroundings = Pick<LocalStack, 'tableName' | 'issuer' | 'accounts'> & { jobDependencies: Pick<LocalStack['jobDependencies'], 'platformClient' | 'dataClientFor' | 'objects' | 'portalUrl'> };

/**
 * The casework function's app as its Lambda composes it, over `stack` (or over `dataClient` for
 * every database request, as app-cpu.ts's replaying client).
 */
export function caseworkApp(stack: CaseworkSurroundings, options: { dataClient?: DynamoDBDocumentClient; clientAddress?: ApiDependencies['clientAddress'] } = {}) {
  const verifier = createAccessTokenVerifier({ issuer: stack.issuer, audience: API_AUDIENCE });
  return composeApp(
    {
      tableName: stack.tableName,
      platformClient: options.dataClient ?? stack.jobDependencies.platformClient,
      dataClientFor: options.dataClient ? () => options.dataClient! : stack.jobDependencies.dataClientFor,
      objects: stack.jobDependencies.objects,
      verifyAccessToken: (token) => verifier.verify(token),
      accounts: stack.accounts,
      portalUrl: stack.jobDependencies.portalUrl,
      requestLimiter: createRequestLimiter(ROOMY),
      devOutbox: false,
      clientAddress: options.clientAddress,
    },
    [caseworkGroup],
  );
}

/**
 * A GET through the casework function's handler; throws unless it answers 200. `adapter: 'hono'`
 * puts `hono/aws-lambda`'s `handle` in place of ours, to compare the two in one run (reads-only.ts).
 */
export function caseworkHandler(stack: CaseworkSurroundings, options: { adapter?: 'ours' | 'hono'; dataClient?: DynamoDBDocumentClient } = {}): (path: string, token: string) => Promise<void> {
  const app = caseworkApp(stack, { dataClient: options.dataClient });
  const ours = handleHttpApi(app);
  const hono = handle(app);
  const handler = options.adapter === 'hono' ? (event: HttpApiEvent, context: LambdaContext) => hono(event as unknown as LambdaEvent, context) as Promise<{ statusCode: number }> : ours;
  const context = {} as LambdaContext;
  return async (path, token) => {
    const result = await handler(httpApiGet(path, token), context);
    if (result.statusCode !== 200) throw new Error(`${path} answered ${result.statusCode} through the handler`);
  };
}
