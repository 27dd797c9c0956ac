/** Specifies that in AWS the API answers only requests that came through CloudFront. */
import type { LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { guardOrigin, NOT_THROUGH_CLOUDFRONT } from './origin-guard.ts';

const answered = { statusCode: 200, body: 'ok' };
const handler = async () => answered;
const event = (headers: Record<string, string>) => ({ version: '2.0', rawPath: '/v1/health', headers }) as unknown as LambdaEvent;
const verify = async (presented: string | undefined) => presented === 'edge-secret';

describe('the origin guard', () => {
  it('passes requests carrying CloudFront’s header to the API', async () => {
    expect(await guardOrigin(handler, { verify })(event({ 'x-origin-verify': 'edge-secret' }))).toBe(answered);
  });

  it('answers 403 problem+json, running no route, to a request without it or with a wrong one', async () => {
    let ran = false;
    const guarded = guardOrigin(
      async () => {
        ran = true;
        return answered;
      },
      { verify },
    );
    for (const headers of [{}, { 'x-origin-verify': 'guess' }] as Record<string, string>[]) {
      const response = await guarded(event(headers));
      expect(response).toBe(NOT_THROUGH_CLOUDFRONT);
      expect(NOT_THROUGH_CLOUDFRONT.headers['content-type']).toBe('application/problem+json');
    }
    expect(ran).toBe(false);
  });

  it('leaves the handler as it is where no secret is configured (one machine)', () => {
    expect(guardOrigin(handler, { env: {} })).toBe(handler);
  });
});
