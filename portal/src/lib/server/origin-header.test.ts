/** Specifies that the portal's own calls to the API carry CloudFront's origin header, and nothing else does. */
import { describe, expect, it } from 'vitest';
import { cameThroughCloudFront, withOriginHeader } from './origin-header.ts';

function recorder() {
  const seen: { url: string; headers: Headers }[] = [];
  const base = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input instanceof Request ? input.url : input), headers: new Headers(init?.headers) });
    return new Response('{}');
  }) as typeof fetch;
  return { seen, base };
}

describe('the origin header on the portal’s API calls', () => {
  it('is added to requests for the API’s origin, keeping their own headers', async () => {
    const { seen, base } = recorder();
    const fetchWithHeader = withOriginHeader(base, 'https://abc123.execute-api.eu-west-2.amazonaws.com', 'edge-secret');
    await fetchWithHeader(new URL('https://abc123.execute-api.eu-west-2.amazonaws.com/v1/cases'), { headers: { authorization: 'Bearer t' } });
    expect(seen[0]!.headers.get('x-origin-verify')).toBe('edge-secret');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer t');
  });

  it('is never sent anywhere else, such as the sign-in provider', async () => {
    const { seen, base } = recorder();
    const fetchWithHeader = withOriginHeader(base, 'https://abc123.execute-api.eu-west-2.amazonaws.com', 'edge-secret');
    await fetchWithHeader('https://cognito-idp.eu-west-2.amazonaws.com/pool/.well-known/openid-configuration');
    expect(seen[0]!.headers.get('x-origin-verify')).toBeNull();
  });

  it('is not required where no secret is configured (one machine)', async () => {
    expect(await cameThroughCloudFront({}, new Request('http://localhost:5173/'))).toBe(true);
  });
});
