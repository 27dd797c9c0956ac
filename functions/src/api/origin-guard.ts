/**
 * In AWS, the API's Lambdas answer only requests that came through CloudFront (and so through
 * the WAF): a request to the execute-api address directly lacks CloudFront's secret
 * `x-origin-verify` header and gets 403 before any route runs (shared/src/config/origin-verify.ts).
 * Where no secret is configured (one machine, the tests) the handler is returned unchanged.
 */
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET_ENV, originVerifier } from '@waypoint/shared/config/origin-verify';

export const NOT_THROUGH_CLOUDFRONT = {
  statusCode: 403,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Use the Waypoint address, not the API’s own' }),
};

type LambdaHandler<E, R> = (event: E, context?: LambdaContext) => Promise<R>;

export function guardOrigin<E extends LambdaEvent | { headers?: Record<string, string | undefined> }, R>(
  handler: LambdaHandler<E, R>,
  options: { env?: NodeJS.ProcessEnv; verify?: (presented: string | undefined) => Promise<boolean> } = {},
): LambdaHandler<E, R | typeof NOT_THROUGH_CLOUDFRONT> {
  const secretArn = (options.env ?? process.env)[ORIGIN_VERIFY_SECRET_ENV];
  const verify = options.verify ?? (secretArn ? originVerifier({ secretArn }) : undefined);
  if (!verify) return handler;
  return async (event, context) => {
    const headers = (event as { headers?: Record<string, string | undefined> }).headers;
    return (await verify(headers?.[ORIGIN_VERIFY_HEADER])) ? handler(event, context) : NOT_THROUGH_CLOUDFRONT;
  };
}
