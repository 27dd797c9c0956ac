/** Per-request set-up: decode the session once, set security headers, and log failures safely. */
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { signInProviderOrigins } from '$lib/server/auth/oidc';
import { env } from '$env/dynamic/private';
import { loadPortalConfig, portalConfig } from '$lib/server/config';
import { cameThroughCloudFront, sendOriginHeaderToApi } from '$lib/server/origin-header';
import { clearStaffSession, isExpired, readStaffSession } from '$lib/server/session/staff-session';

/**
 * Reads the configuration as the server starts (in AWS fetching the session secret from
 * Secrets Manager, once per cold start), so a missing variable stops it with a clear message.
 */
export const init: ServerInit = async () => {
  const config = await loadPortalConfig();
  await sendOriginHeaderToApi(env, config.apiUrl.origin);
};

/**
 * A form body that cannot be parsed (a multipart post with no boundary or the wrong one) is
 * the sender's mistake: every form action, staff and public alike, answers 400 with the
 * normal error page instead of failing with a 500.
 */
function refuseUnreadableForms(request: Request): void {
  const read = request.formData.bind(request);
  Object.defineProperty(request, 'formData', {
    value: async () => {
      try {
        return await read();
      } catch {
        error(400, 'The form could not be read');
      }
    },
  });
}

export const handle: Handle = async ({ event, resolve }) => {
  // In AWS, a request to the HTTP API's own address (around CloudFront and its WAF) is refused.
  if (!(await cameThroughCloudFront(env, event.request))) error(403, 'Use the Waypoint address');
  refuseUnreadableForms(event.request);
  const session = readStaffSession(event.cookies);
  if (session && isExpired(session)) {
    clearStaffSession(event.cookies);
    event.locals.session = undefined;
  } else {
    event.locals.session = session;
  }
  event.locals.lang = 'en';
  event.locals.dir = 'ltr';

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%waypoint.lang%', event.locals.lang).replace('%waypoint.dir%', event.locals.dir),
  });

  // Kit's own policy (kit.csp) covers scripts; this second policy adds what depends on
  // run-time config: forms may post to us and be redirected to the sign-in provider, and the
  // import page's upload form posts the file straight to the storage service.
  const uploadOrigin = portalConfig().uploadOrigin;
  response.headers.append('content-security-policy', `form-action 'self' ${[...signInProviderOrigins(), ...(uploadOrigin ? [uploadOrigin] : [])].join(' ')}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  // A have-your-say page asking its visitor to wait says for how long, as the API told it.
  if (response.status === 429 && event.locals.retryAfterSeconds !== undefined) response.headers.set('retry-after', String(event.locals.retryAfterSeconds));
  if (!event.url.pathname.startsWith('/_app/')) {
    // Pages hold case data for one user: never let a shared cache keep them.
    response.headers.set('cache-control', 'no-store');
  }
  return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  // Name, message and path only: request bodies and tokens never reach the log.
  const e = error as Error | undefined;
  if (status !== 404) console.error(`Error ${status} on ${event.request.method} ${event.url.pathname}: ${e?.name ?? 'Error'}: ${e?.message ?? ''}`);
  return { message: status === 404 ? 'Page not found' : 'Sorry, there is a problem with the service' };
};
