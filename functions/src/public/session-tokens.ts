/**
 * Engagement sessions: a short-lived JWS (HS256, our own session rather than an access
 * token) naming the authority, activity, code and response it was opened for. Nothing in
 * a public request but this token says which tenant or response it concerns.
 */
import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ConfigError } from '../platform/config.ts';
import { secretValue } from '@waypoint/shared/config/secret-value';

export const SESSION_ISSUER = 'waypoint-engagement';
export const SESSION_AUDIENCE = 'have-your-say';
/** Long enough to answer at a child's pace; a single-use code comes back to its response afterwards. */
export const SESSION_MINUTES = 120;

/** Only for one machine: a fixed secret, so sessions outlive a restart of `npm start`. */
const DEVELOPMENT_SECRET = 'waypoint-local-engagement-sessions-not-for-aws-0001';

export interface EngagementSession {
  tenantId: string;
  slug: string;
  activityId: string;
  responseId: string;
  /** Absent when the session came through the public link. */
  codeId?: string;
  /** Opened with the honeypot filled: answers are accepted-looking and nothing is stored. */
  decoy?: boolean;
}

export class InvalidSessionError extends Error {}

let cachedKey: { source: string; key: Uint8Array } | undefined;

/**
 * The key from `ENGAGEMENT_SESSION_SECRET` (at least 32 characters). In AWS the function has
 * only the secret's ARN (`ENGAGEMENT_SESSION_SECRET_ARN`) and reads it once per cold start;
 * a fixed one only on one machine.
 */
async function signingKey(): Promise<Uint8Array> {
  const source = await secretValue({ name: 'ENGAGEMENT_SESSION_SECRET', developmentValue: DEVELOPMENT_SECRET });
  if (source.length < 32) throw new ConfigError('ENGAGEMENT_SESSION_SECRET must be at least 32 characters');
  if (cachedKey?.source !== source) cachedKey = { source, key: new TextEncoder().encode(source) };
  return cachedKey.key;
}

/**
 * A keyed hash of `value` for `purpose` (base64url, 128 bits), under the same secret as the
 * sessions: it names a client without keeping the address it was made from, and nobody
 * without the secret can work one back or compute another's.
 */
export async function keyedDigest(purpose: string, value: string): Promise<string> {
  const key = await signingKey();
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 22);
}

export async function signSession(session: EngagementSession, now: Date): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + SESSION_MINUTES * 60;
  const token = await new SignJWT({
    tid: session.tenantId,
    slug: session.slug,
    act: session.activityId,
    ...(session.codeId ? { cid: session.codeId } : {}),
    ...(session.decoy ? { dcy: true } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(SESSION_ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setSubject(session.responseId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(await signingKey());
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/** The session a token carries, if it is ours, unexpired and well formed; otherwise InvalidSessionError. */
export async function verifySession(token: string, now: Date): Promise<EngagementSession> {
  const key = await signingKey();
  try {
    const { payload } = await jwtVerify(token, key, { issuer: SESSION_ISSUER, audience: SESSION_AUDIENCE, algorithms: ['HS256'], currentDate: now });
    const { tid, slug, act, cid, dcy, sub } = payload as Record<string, unknown>;
    if (typeof tid !== 'string' || typeof slug !== 'string' || typeof act !== 'string' || typeof sub !== 'string') throw new InvalidSessionError('incomplete');
    if (cid !== undefined && typeof cid !== 'string') throw new InvalidSessionError('incomplete');
    return { tenantId: tid, slug, activityId: act, responseId: sub, ...(cid ? { codeId: cid } : {}), ...(dcy === true ? { decoy: true } : {}) };
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof InvalidSessionError) throw new InvalidSessionError('invalid');
    throw error;
  }
}
