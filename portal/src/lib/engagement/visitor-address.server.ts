/** Who is at the keyboard, as far as the API's limits on the public area are concerned. */
import { getRequestEvent } from '$app/server';
import type { RequestEvent } from '@sveltejs/kit';
import { clientAddressHeaders, clientAddressSecret } from '@waypoint/shared/engagement/client-address';
import { env } from '$env/dynamic/private';

/**
 * The address of the person at the keyboard, passed to the API (signed) for its limits on
 * wrong codes and on requests per visitor.
 * In AWS the portal sits behind CloudFront and API Gateway, so the connection is CloudFront's:
 * CloudFront appends the visitor's address to `X-Forwarded-For` and API Gateway then appends
 * CloudFront's, so the visitor is the second from the right (anything a browser sent itself
 * comes before it). On one machine the connection is the visitor's own.
 */
export function visitorAddress(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): string {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) {
    const chain = (event.request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (chain.length >= 2) return chain[chain.length - 2]!;
  }
  return event.getClientAddress();
}

/**
 * The signed address headers for the request being served, or none outside a request or where
 * no secret is configured (then the API counts the portal's own address).
 */
export async function visitorHeaders(address?: string): Promise<Record<string, string>> {
  let visitor = address;
  if (!visitor) {
    try {
      visitor = visitorAddress(getRequestEvent());
    } catch {
      return {};
    }
  }
  const secret = await clientAddressSecret(env);
  return secret ? clientAddressHeaders(secret, visitor) : {};
}
