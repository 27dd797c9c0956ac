import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchAccessToken } from '../../local/identity/sign-in-flow.ts';
import { TEST_ACCOUNTS, TEST_PASSWORD, TEST_TENANT_ID, startTestIdentity, unusedPort, type TestIdentity } from '../../local/identity/test-identity.ts';
import { InvalidTokenError, createAccessTokenVerifier, type AccessTokenVerifier } from './access-token.ts';

const AUDIENCE = 'waypoint-api';
const TENANT = '3c8f5a2e-9b1d-4e6f-8a7c-2d4b6e8f0a13';
const KID = 'test-key';

/** A stand-in issuer: a discovery document and a JWKS with one RS256 public key. */
let issuerServer: Server;
let issuer: string;
let signingKey: CryptoKey;
let discoveryRequests = 0;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  issuerServer = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      discoveryRequests++;
      return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    }
    if (req.url === '/jwks') return res.end(JSON.stringify({ keys: [publicJwk] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  verifier = createAccessTokenVerifier({ issuer, audience: AUDIENCE });
});

afterAll(async () => {
  issuerServer?.closeAllConnections();
  await new Promise((resolve) => issuerServer?.close(resolve));
});

function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: AUDIENCE, sub: 'U1', tenant_id: TENANT, role: 'qa', token_use: 'access', client_id: 'waypoint-cli', iat: now, exp: now + 3600, ...overrides };
}

async function mint(options: { claims?: JWTPayload; key?: CryptoKey | Uint8Array; alg?: string; kid?: string } = {}): Promise<string> {
  const claims = Object.fromEntries(Object.entries(options.claims ?? accessClaims()).filter(([, value]) => value !== undefined));
  return new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? KID }).sign(options.key ?? signingKey);
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function refusal(token: string, using: AccessTokenVerifier = verifier): Promise<InvalidTokenError> {
  const error = await using.verify(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as Error).name).toBe('InvalidTokenError');
  if (token.length > 0) expect((error as Error).message).not.toContain(token);
  return error as InvalidTokenError;
}

describe('access tokens the API accepts', () => {
  it('accepts an RS256 access token from the issuer and returns who and where the caller is', async () => {
    expect(await verifier.verify(await mint())).toEqual({ sub: 'U1', tenantId: TENANT, role: 'qa' });
  });

  it('accepts the platform operator, who has no tenant', async () => {
    const token = await mint({ claims: accessClaims({ tenant_id: undefined, role: 'operator' }) });
    expect(await verifier.verify(token)).toEqual({ sub: 'U1', tenantId: null, role: 'operator' });
  });

  it('accepts a Cognito-style access token with no aud whose client_id is the audience', async () => {
    const token = await mint({ claims: accessClaims({ aud: undefined, client_id: AUDIENCE }) });
    expect(await verifier.verify(token)).toMatchObject({ sub: 'U1' });
  });

  it('reads the discovery document once, however many tokens it verifies', async () => {
    const before = discoveryRequests;
    const fresh = createAccessTokenVerifier({ issuer, audience: AUDIENCE });
    await Promise.all([fresh.verify(await mint()), fresh.verify(await mint()), fresh.verify(await mint())]);
    expect(discoveryRequests - before).toBe(1);
  });

  it('skips discovery when given the JWKS address', async () => {
    const before = discoveryRequests;
    const direct = createAccessTokenVerifier({ issuer, audience: AUDIENCE, jwksUri: `${issuer}/jwks` });
    await direct.verify(await mint());
    expect(discoveryRequests).toBe(before);
  });
});

describe('access tokens the API refuses', () => {
  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(accessClaims())}.`;
    expect((await refusal(unsigned)).message).toMatch(/algorithm|malformed/);
  });

  it('refuses an HS256 token, whatever secret signed it', async () => {
    const secret = new TextEncoder().encode('a shared secret anyone might know');
    expect((await refusal(await mint({ alg: 'HS256', key: secret }))).message).toBe('token signing algorithm is not allowed');
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    expect((await refusal(await mint({ key: stranger }))).message).toBe('token signature is not valid');
    expect((await refusal(await mint({ key: stranger, kid: 'unknown-key' }))).message).toBe('token is not signed by a key of the issuer');
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await mint()).split('.');
    const forged = `${header}.${base64url(accessClaims({ role: 'senior' }))}.${signature}`;
    expect((await refusal(forged)).message).toBe('token signature is not valid');
  });

  it('refuses a token from another issuer', async () => {
    expect((await refusal(await mint({ claims: accessClaims({ iss: 'https://elsewhere.example' }) }))).message).toBe('token "iss" claim is not acceptable');
  });

  it('refuses a token for another audience, and a client_id match when an aud is present', async () => {
    expect((await refusal(await mint({ claims: accessClaims({ aud: 'another-api' }) }))).message).toBe('token is for another audience');
    await refusal(await mint({ claims: accessClaims({ aud: 'another-api', client_id: AUDIENCE }) }));
    await refusal(await mint({ claims: accessClaims({ aud: undefined, client_id: 'another-client' }) }));
  });

  it('refuses an expired token and one with no expiry', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await refusal(await mint({ claims: accessClaims({ iat: past - 3600, exp: past }) }))).message).toBe('token has expired');
    await refusal(await mint({ claims: accessClaims({ exp: undefined }) }));
  });

  it('remembers a verified token only until it expires', async () => {
    const now = Date.now();
    const token = await mint({ claims: accessClaims({ exp: Math.floor(now / 1000) + 60 }) });
    expect((await verifier.verify(token)).tenantId).toBe(TENANT);
    expect((await verifier.verify(token)).tenantId).toBe(TENANT);
    vi.useFakeTimers({ toFake: ['Date'], now: now + 120_000 });
    try {
      expect((await refusal(token)).message).toBe('token has expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an ID token and anything else that is not an access token', async () => {
    expect((await refusal(await mint({ claims: accessClaims({ token_use: 'id' }) }))).message).toBe('token is not an access token');
    await refusal(await mint({ claims: accessClaims({ token_use: undefined }) }));
  });

  it('refuses tokens whose tenant and role make no sense', async () => {
    await refusal(await mint({ claims: accessClaims({ role: 'superuser' }) }));
    await refusal(await mint({ claims: accessClaims({ role: undefined }) }));
    await refusal(await mint({ claims: accessClaims({ tenant_id: 'TENANT#other' }) }));
    await refusal(await mint({ claims: accessClaims({ tenant_id: undefined }) }));
    await refusal(await mint({ claims: accessClaims({ role: 'operator' }) }));
  });

  it('refuses what is not a JWT at all', async () => {
    for (const garbage of ['', 'not-a-token', 'a.b.c', 'x'.repeat(10_000)]) await refusal(garbage);
  });

  it('fails with an ordinary error, not InvalidTokenError, when the issuer cannot be reached', async () => {
    const unreachable = createAccessTokenVerifier({ issuer: `http://127.0.0.1:${await unusedPort()}`, audience: AUDIENCE });
    const error = await unreachable.verify(await mint()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
  });
});

describe('tokens from the local identity provider', () => {
  let identity: TestIdentity;
  let providerVerifier: AccessTokenVerifier;

  beforeAll(async () => {
    identity = await startTestIdentity();
    providerVerifier = createAccessTokenVerifier({ issuer: identity.issuer, audience: AUDIENCE });
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('accepts a real token and returns its claims', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD });
    expect(await providerVerifier.verify(token)).toEqual({ sub: TEST_ACCOUNTS.practitioner.userId, tenantId: TEST_TENANT_ID, role: 'practitioner' });
  });

  it('refuses a real token with its role raised', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
    await refusal(`${header}.${base64url({ ...claims, role: 'senior' })}.${signature}`, providerVerifier);
  });

  it('refuses a real token presented to a verifier for another issuer', async () => {
    const token = await fetchAccessToken({ issuer: identity.issuer, email: TEST_ACCOUNTS.practitioner.email, password: TEST_PASSWORD });
    await refusal(token, verifier);
  });
});
