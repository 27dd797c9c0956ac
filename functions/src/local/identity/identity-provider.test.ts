import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../platform/auth/access-token.ts';
import { SignInFlowError, SignInRefusedError, fetchAccessToken, signInWithPassword } from './sign-in-flow.ts';
import { PORTAL_TEST_URL, TEST_ACCOUNTS, TEST_PASSWORD, TEST_TENANT_ID, startTestIdentity, type TestIdentity } from './test-identity.ts';
import { API_AUDIENCE, PORTAL_CLIENT_ID } from './waypoint-clients.ts';

let identity: TestIdentity;
let verifier: AccessTokenVerifier;
const { practitioner, operator, inactive } = TEST_ACCOUNTS;

beforeAll(async () => {
  identity = await startTestIdentity();
  verifier = createAccessTokenVerifier({ issuer: identity.issuer, audience: API_AUDIENCE });
});

afterAll(async () => {
  await identity?.close();
});

describe('tokens from the local identity provider', () => {
  it('builds its issuer from the port it actually bound', () => {
    expect(identity.issuer).toMatch(/^http:\/\/localhost:\d+$/);
    expect(identity.issuer).not.toBe('http://localhost:0');
  });

  it('gives a tenant user an RS256 JWT access token for the API carrying their id, tenant and role', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: practitioner.email, password: TEST_PASSWORD });
    expect(await verifier.verify(token)).toEqual({ sub: practitioner.userId, tenantId: TEST_TENANT_ID, role: 'practitioner' });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: identity.issuer,
      aud: API_AUDIENCE,
      sub: practitioner.userId,
      tenant_id: TEST_TENANT_ID,
      role: 'practitioner',
      token_use: 'access',
      client_id: 'waypoint-cli',
    });
    expect(String(claims.scope).split(' ')).toContain('openid');
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('gives the platform operator a token with no tenant claim at all', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: operator.email, password: TEST_PASSWORD });
    expect(decodeJwt(token)).not.toHaveProperty('tenant_id');
    expect(await verifier.verify(token)).toEqual({ sub: operator.userId, tenantId: null, role: 'operator' });
  });

  it('matches the email address whatever its case', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: practitioner.email.toUpperCase(), password: TEST_PASSWORD });
    expect(decodeJwt(token).sub).toBe(practitioner.userId);
  });

  it('puts the email address and name in the ID token, which the API refuses as a bearer token', async () => {
    const tokens = await signInWithPassword({ issuer: identity.issuer, email: practitioner.email, password: TEST_PASSWORD });
    expect(decodeJwt(tokens.id_token!)).toMatchObject({ sub: practitioner.userId, email: practitioner.email, name: practitioner.name });
    await expect(verifier.verify(tokens.id_token!)).rejects.toThrow(/audience|access token/);
  });

  it('gives the portal a refresh token that yields a fresh access token', async () => {
    const tokens = await signInWithPassword({
      issuer: identity.issuer,
      email: practitioner.email,
      password: TEST_PASSWORD,
      clientId: PORTAL_CLIENT_ID,
      redirectUri: `${PORTAL_TEST_URL}/auth/callback`,
    });
    expect(decodeJwt(tokens.access_token).client_id).toBe(PORTAL_CLIENT_ID);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const response = await fetch(`${identity.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: PORTAL_CLIENT_ID }),
    });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as { access_token: string };
    expect(await verifier.verify(refreshed.access_token)).toEqual({ sub: practitioner.userId, tenantId: TEST_TENANT_ID, role: 'practitioner' });
  });

  it('publishes only public signing keys', async () => {
    const { keys } = (await (await fetch(`${identity.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });
});

describe('refused sign-ins', () => {
  it('refuses a wrong password', async () => {
    await expect(fetchAccessToken({ issuer: identity.issuer, email: practitioner.email, password: 'not the password' })).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('refuses an unknown email address the same way', async () => {
    await expect(fetchAccessToken({ issuer: identity.issuer, email: 'nobody@example.org', password: TEST_PASSWORD })).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('refuses an inactive account even with the right password', async () => {
    await expect(fetchAccessToken({ issuer: identity.issuer, email: inactive.email, password: TEST_PASSWORD })).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('stops issuing tokens, even by refresh, to an account deactivated after it signed in', async () => {
    const { leaver } = TEST_ACCOUNTS;
    const tokens = await signInWithPassword({
      issuer: identity.issuer,
      email: leaver.email,
      password: TEST_PASSWORD,
      clientId: PORTAL_CLIENT_ID,
      redirectUri: `${PORTAL_TEST_URL}/auth/callback`,
    });
    await identity.putAccount({ ...leaver, active: false });
    const refresh = await fetch(`${identity.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: PORTAL_CLIENT_ID }),
    });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    await expect(fetchAccessToken({ issuer: identity.issuer, email: leaver.email, password: TEST_PASSWORD })).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('refuses a redirect URI the client did not register', async () => {
    const attempt = fetchAccessToken({ issuer: identity.issuer, email: practitioner.email, password: TEST_PASSWORD, redirectUri: 'http://evil.example/cb' });
    await expect(attempt).rejects.toBeInstanceOf(SignInFlowError);
    await expect(attempt).rejects.toThrow(/redirect_uri/);
  });

  it('refuses a client it does not know', async () => {
    await expect(fetchAccessToken({ issuer: identity.issuer, email: practitioner.email, password: TEST_PASSWORD, clientId: 'stranger' })).rejects.toBeInstanceOf(SignInFlowError);
  });
});
