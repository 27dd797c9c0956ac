import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config.ts';
import { InvalidSessionError, SESSION_AUDIENCE, SESSION_ISSUER, signSession, verifySession } from './session-tokens.ts';

const NOW = new Date('2026-11-26T10:00:00.000Z');
const SESSION = { tenantId: '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', slug: 'northvale', activityId: 'act1', responseId: '01JRESPONSE', codeId: 'code1' };

afterEach(() => {
  delete process.env.ENGAGEMENT_SESSION_SECRET;
  delete process.env.AWS_LAMBDA_FUNCTION_NAME;
});

describe('engagement sessions', () => {
  it('carry the authority, address, activity, code and response, for two hours', async () => {
    const { token, expiresAt } = await signSession(SESSION, NOW);
    expect(expiresAt).toBe('2026-11-26T12:00:00.000Z');
    expect(await verifySession(token, new Date('2026-11-26T11:59:00.000Z'))).toEqual(SESSION);
    await expect(verifySession(token, new Date('2026-11-26T12:00:01.000Z'))).rejects.toThrow(InvalidSessionError);
  });

  it('are refused when signed with another secret, unsigned, or made for something else', async () => {
    const { token } = await signSession(SESSION, NOW);
    process.env.ENGAGEMENT_SESSION_SECRET = 'another-deployment-secret-of-32-characters!';
    await expect(verifySession(token, NOW)).rejects.toThrow(InvalidSessionError);
    const key = new TextEncoder().encode(process.env.ENGAGEMENT_SESSION_SECRET);
    const unsigned = new UnsecuredJWT({ tid: SESSION.tenantId, slug: 'northvale', act: 'a' }).setIssuer(SESSION_ISSUER).setAudience(SESSION_AUDIENCE).setSubject('r').setExpirationTime('1h').encode();
    await expect(verifySession(unsigned, NOW)).rejects.toThrow(InvalidSessionError);
    const accessToken = await new SignJWT({ tid: SESSION.tenantId, slug: 'northvale', act: 'a' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(SESSION_ISSUER).setAudience('waypoint-api').setSubject('r').setExpirationTime('1h').sign(key);
    await expect(verifySession(accessToken, new Date())).rejects.toThrow(InvalidSessionError);
    const incomplete = await new SignJWT({ slug: 'northvale' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(SESSION_ISSUER).setAudience(SESSION_AUDIENCE).setSubject('r').setExpirationTime('1h').sign(key);
    await expect(verifySession(incomplete, new Date())).rejects.toThrow(InvalidSessionError);
  });

  it('need a deployment secret in AWS, of at least 32 characters', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'waypoint-api';
    await expect(signSession(SESSION, NOW)).rejects.toThrow(ConfigError);
    await expect(signSession(SESSION, NOW)).rejects.toThrow(/ENGAGEMENT_SESSION_SECRET_ARN/);
    await expect(verifySession('any.token.here', NOW)).rejects.toThrow(ConfigError);
    process.env.ENGAGEMENT_SESSION_SECRET = 'too-short';
    await expect(signSession(SESSION, NOW)).rejects.toThrow(ConfigError);
    process.env.ENGAGEMENT_SESSION_SECRET = 'a-deployment-secret-that-is-long-enough';
    await expect(signSession(SESSION, NOW)).resolves.toHaveProperty('token');
  });
});
