/**
 * The public session: the API's signed token in an HttpOnly, SameSite=Lax cookie scoped to
 * one authority's area, so scripts cannot read it and another authority's pages never send it.
 */
import type { Cookies } from '@sveltejs/kit';
import type { SessionStarted } from '@waypoint/shared/engagement/response-schemas';

const COOKIE = 'hys_session';

/** Every page of one authority's area, and nothing else. */
export function areaPath(slug: string): string {
  return `/have-your-say/${slug}`;
}

export function setSessionCookie(cookies: Cookies, slug: string, session: Pick<SessionStarted, 'token' | 'expiresAt'>, now = Date.now()): void {
  const seconds = Math.floor((Date.parse(session.expiresAt) - now) / 1000);
  cookies.set(COOKIE, session.token, {
    path: areaPath(slug),
    httpOnly: true,
    sameSite: 'lax',
    // Kit makes it Secure everywhere but plain-http localhost.
    maxAge: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 * 60,
  });
}

export function readSessionCookie(cookies: Cookies): string | undefined {
  const token = cookies.get(COOKIE);
  return token && token.length <= 4096 ? token : undefined;
}

export function clearSessionCookie(cookies: Cookies, slug: string): void {
  cookies.delete(COOKIE, { path: areaPath(slug), httpOnly: true, sameSite: 'lax' });
}
