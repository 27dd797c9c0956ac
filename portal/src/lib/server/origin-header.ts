/**
 * In AWS only CloudFront may reach the HTTP API (shared/src/config/origin-verify.ts): it adds a
 * secret header that the API's and the portal's Lambdas require. The portal itself calls the API
 * at the HTTP API's own address, server to server, so it must present the same header: every
 * server-side fetch to the API's origin carries it. Without `ORIGIN_VERIFY_SECRET_ARN` (one
 * machine) nothing changes.
 */
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET_ENV, originVerifier } from '@waypoint/shared/config/origin-verify';
import { secretValue } from '@waypoint/shared/config/secret-value';

type Fetch = typeof fetch;

/** A fetch that adds the header to requests for `apiOrigin` and leaves every other request alone. */
export function withOriginHeader(base: Fetch, apiOrigin: string, value: string): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== apiOrigin) return base(input, init);
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    for (const [key, v] of new Headers(init?.headers)) headers.set(key, v);
    headers.set(ORIGIN_VERIFY_HEADER, value);
    return base(input, { ...init, headers });
  };
}

/** Called once as the server starts: from then on the portal's calls to the API carry the header. */
export async function sendOriginHeaderToApi(env: Record<string, string | undefined>, apiOrigin: string): Promise<void> {
  if (!env[ORIGIN_VERIFY_SECRET_ENV]) return;
  const value = await secretValue({ name: 'ORIGIN_VERIFY_SECRET' }, { env });
  globalThis.fetch = withOriginHeader(globalThis.fetch, apiOrigin, value);
}

let verify: ((presented: string | null | undefined) => Promise<boolean>) | undefined;

/** Whether a request to the portal came through CloudFront; always true where no secret is configured. */
export async function cameThroughCloudFront(env: Record<string, string | undefined>, request: Request): Promise<boolean> {
  const secretArn = env[ORIGIN_VERIFY_SECRET_ENV];
  if (!secretArn) return true;
  verify ??= originVerifier({ secretArn });
  return verify(request.headers.get(ORIGIN_VERIFY_HEADER));
}
