/** The signed-in member of staff's session, kept encrypted in HttpOnly cookies. */
import type { Cookies } from '@sveltejs/kit';
import { portalConfig } from '../config.ts';
import { seal, unseal } from './sealed-cookie.ts';

export interface StaffSession {
  accessToken: string;
  idToken: string;
  /** Seconds since the epoch after which the access token is no longer accepted. */
  expiresAt: number;
  name: string;
  email: string;
}

/** Browsers cap a cookie at about 4 KB, and two JWTs can exceed that; so the value is split. */
const CHUNK_CHARS = 3600;
const MAX_CHUNKS = 4;
const PURPOSE = 'staff-session';

function cookieOptions() {
  const secure = portalConfig().origin.protocol === 'https:';
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

function baseName(): string {
  // The __Host- prefix makes the browser refuse the cookie from a subdomain or over http.
  return portalConfig().origin.protocol === 'https:' ? '__Host-waypoint-session' : 'waypoint-session';
}

function isStaffSession(value: unknown): value is StaffSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.accessToken === 'string' && typeof s.idToken === 'string' && typeof s.expiresAt === 'number' && typeof s.name === 'string' && typeof s.email === 'string';
}

/** The session in the request's cookies, if any; it may have expired (see `isExpired`). */
export function readStaffSession(cookies: Cookies): StaffSession | undefined {
  const name = baseName();
  let sealed = '';
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const chunk = cookies.get(`${name}.${i}`);
    if (chunk === undefined) break;
    sealed += chunk;
  }
  if (sealed === '') return undefined;
  const value = unseal(sealed, { secret: portalConfig().sessionSecret, purpose: PURPOSE });
  return isStaffSession(value) ? value : undefined;
}

export function writeStaffSession(cookies: Cookies, session: StaffSession): void {
  const name = baseName();
  const sealed = seal(session, { secret: portalConfig().sessionSecret, purpose: PURPOSE });
  const chunks = sealed.match(new RegExp(`.{1,${CHUNK_CHARS}}`, 'g')) ?? [];
  if (chunks.length > MAX_CHUNKS) throw new Error('The session is too large to keep in cookies');
  // The cookie lives as long as the token; after that the user signs in again.
  const maxAge = Math.max(0, session.expiresAt - Math.floor(Date.now() / 1000));
  chunks.forEach((chunk, i) => cookies.set(`${name}.${i}`, chunk, { ...cookieOptions(), maxAge }));
  for (let i = chunks.length; i < MAX_CHUNKS; i++) {
    if (cookies.get(`${name}.${i}`) !== undefined) cookies.delete(`${name}.${i}`, cookieOptions());
  }
}

export function clearStaffSession(cookies: Cookies): void {
  const name = baseName();
  for (let i = 0; i < MAX_CHUNKS; i++) {
    if (cookies.get(`${name}.${i}`) !== undefined) cookies.delete(`${name}.${i}`, cookieOptions());
  }
}

/** A session is treated as expired a little early so a request never races the token's expiry. */
export function isExpired(session: StaffSession, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return session.expiresAt - 30 <= nowSeconds;
}

/** The short-lived state of a sign-in in progress: checked when the provider sends the user back. */
export interface LoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const LOGIN_COOKIE = 'waypoint-login';
const LOGIN_PURPOSE = 'login-state';

export function writeLoginState(cookies: Cookies, login: LoginState): void {
  const sealed = seal(login, { secret: portalConfig().sessionSecret, purpose: LOGIN_PURPOSE });
  // Lax (not Strict) so the cookie comes back on the provider's top-level redirect to the callback.
  cookies.set(LOGIN_COOKIE, sealed, { ...cookieOptions(), maxAge: 600 });
}

export function takeLoginState(cookies: Cookies): LoginState | undefined {
  const sealed = cookies.get(LOGIN_COOKIE);
  if (sealed === undefined) return undefined;
  cookies.delete(LOGIN_COOKIE, cookieOptions());
  const value = unseal(sealed, { secret: portalConfig().sessionSecret, purpose: LOGIN_PURPOSE });
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.state !== 'string' || typeof v.nonce !== 'string' || typeof v.codeVerifier !== 'string' || typeof v.returnTo !== 'string') return undefined;
  return { state: v.state, nonce: v.nonce, codeVerifier: v.codeVerifier, returnTo: v.returnTo };
}
