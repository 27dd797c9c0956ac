/**
 * What every public page needs on the server: its language (remembered in a cookie), the
 * session's response when there is one, and where to send people when something is refused.
 */
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import type { PublicProblemReason } from '@waypoint/shared/engagement/public-problems';
import type { PublicResponseView } from '@waypoint/shared/engagement/public-views';
import { chooseLanguage, LANGUAGE_COOKIE, LANGUAGE_COOKIE_PATH, LANGUAGE_COOKIE_SECONDS } from './language.ts';
import { publicApi, slowDown, type PublicRefusal } from './public-api.server.ts';
import { areaPath, clearSessionCookie, readSessionCookie } from './session-cookie.server.ts';

/** An authority's address in Waypoint, as the API accepts it. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function slugFrom(raw: string): string {
  // A malformed address cannot name an authority: the same page as one that does not exist.
  if (!SLUG.test(raw)) error(404, 'Page not found');
  return raw;
}

/** The page's language; a `?lang=` choice is remembered for the whole engagement area. */
export function requestLanguage(event: Pick<RequestEvent, 'url' | 'cookies' | 'request'>): EngagementLanguage {
  const choice = chooseLanguage({
    query: event.url.searchParams.get('lang'),
    cookie: event.cookies.get(LANGUAGE_COOKIE),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  if (choice.remember) {
    event.cookies.set(LANGUAGE_COOKIE, choice.language, { path: LANGUAGE_COOKIE_PATH, httpOnly: true, sameSite: 'lax', maxAge: LANGUAGE_COOKIE_SECONDS });
  }
  return choice.language;
}

export { visitorAddress } from './visitor-address.server.ts';

/** Refusals that have a page of their own; `unknown-area` is the not-found page. */
export const PROBLEM_PAGES = ['unknown-code', 'code-expired', 'code-revoked', 'code-used', 'activity-not-open', 'too-many-responses', 'session-expired', 'unknown-activity', 'too-many-tries'] as const satisfies readonly PublicProblemReason[];
export type ProblemPage = (typeof PROBLEM_PAGES)[number];

export function isProblemPage(value: string): value is ProblemPage {
  return (PROBLEM_PAGES as readonly string[]).includes(value);
}

export function problemPath(slug: string, reason: ProblemPage): string {
  return `${areaPath(slug)}/problem/${reason}`;
}

/** Sends a refused request to the page that explains it; an unknown area is not found. */
export function redirectForRefusal(slug: string, refusal: PublicRefusal, fallback: ProblemPage): never {
  if (refusal.reason === 'unknown-area') error(404, 'Page not found');
  // Asked to slow down (or a 429 that says no more, as a gateway's would): wait, not a problem with the code.
  if (refusal.reason === 'too-many-requests' || (refusal.status === 429 && refusal.reason === undefined)) slowDown(refusal);
  const reason = refusal.reason && isProblemPage(refusal.reason) ? refusal.reason : refusal.status === 401 ? 'session-expired' : fallback;
  redirect(303, problemPath(slug, reason));
}

export type SessionRead = { token: string; view: PublicResponseView } | { refusal: PublicRefusal } | null;

/**
 * The session's response; null when there is no session. A session the API refuses is
 * forgotten (the cookie removed). Pages outside the questions use it to speak to a child
 * as a child, and to know whether help was needed.
 */
export async function readSessionView(event: { cookies: Cookies }, slug: string, lang: EngagementLanguage): Promise<SessionRead> {
  const token = readSessionCookie(event.cookies);
  if (!token) return null;
  const result = await publicApi.response(slug, token, lang);
  if (result.ok) return { token, view: result.value };
  // Asked to slow down, the session is still good: keep it for when the visitor tries again.
  if (result.status !== 429) clearSessionCookie(event.cookies, slug);
  return { refusal: result };
}

/** The questions need a session with a response still being written; otherwise the right page says why. */
export async function requireDraftView(event: { cookies: Cookies }, slug: string, lang: EngagementLanguage): Promise<{ token: string; view: PublicResponseView }> {
  const found = await readSessionView(event, slug, lang);
  if (found === null) redirect(303, problemPath(slug, 'session-expired'));
  if ('refusal' in found) redirectForRefusal(slug, found.refusal, 'session-expired');
  if (found.view.response.state === 'submitted') redirect(303, `${areaPath(slug)}/thank-you`);
  return found;
}
