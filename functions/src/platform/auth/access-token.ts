/**
 * Verifies the API's bearer tokens against the issuer's published keys (the local provider
 * or Cognito): only asymmetric signatures, the right issuer and audience, not expired, and
 * an access token rather than an ID token. The tenant and role come only from here.
 */
import { createRemoteJWKSet, errors as jose, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isTenantId } from '@waypoint/shared/tenancy/keys';
import { OPERATOR_ROLE, isStaffRole } from '@waypoint/shared/tenancy/roles';

/** The token is not acceptable; `message` is a short reason, safe to log, never the token. */
export class InvalidTokenError extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'InvalidTokenError';
  }
}

export interface VerifiedAccessToken {
  /** The user id. */
  sub: string;
  /** The tenant's uuid; null only for the platform operator. */
  tenantId: string | null;
  role: string;
}

export interface AccessTokenVerifier {
  /**
   * Resolves with the token's identity, or rejects with InvalidTokenError. Any other error
   * means the issuer's keys could not be fetched: the token was not judged either way.
   */
  verify(token: string): Promise<VerifiedAccessToken>;
}

export interface AccessTokenVerifierOptions {
  issuer: string;
  /** The API's audience; for Cognito access tokens (which carry no `aud`), the app client id. */
  audience: string;
  /** Found through the issuer's discovery document when not given. */
  jwksUri?: string;
}

/** Never HS* (anyone holding a shared secret could mint tokens) and never `none`. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const MAX_TOKEN_LENGTH = 8 * 1024;
const CLOCK_TOLERANCE_SECONDS = 5;

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`The issuer's discovery document answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer) throw new Error('The discovery document names a different issuer');
  if (typeof document.jwks_uri !== 'string') throw new Error('The discovery document has no jwks_uri');
  return document.jwks_uri;
}

/** Translates jose's failures into short reasons; fetch failures are not the token's fault. */
function reasonFor(error: unknown): string | undefined {
  if (error instanceof jose.JWTExpired) return 'token has expired';
  if (error instanceof jose.JWTClaimValidationFailed) return `token "${error.claim}" claim is not acceptable`;
  if (error instanceof jose.JOSEAlgNotAllowed) return 'token signing algorithm is not allowed';
  if (error instanceof jose.JWSSignatureVerificationFailed) return 'token signature is not valid';
  if (error instanceof jose.JWKSNoMatchingKey || error instanceof jose.JWKSMultipleMatchingKeys) return 'token is not signed by a key of the issuer';
  if (error instanceof jose.JWSInvalid || error instanceof jose.JWTInvalid || error instanceof jose.JOSENotSupported) return 'token is malformed';
  return undefined;
}

function audienceMatches(payload: JWTPayload, audience: string): boolean {
  if (payload.aud === undefined) return payload.client_id === audience;
  return Array.isArray(payload.aud) ? payload.aud.includes(audience) : payload.aud === audience;
}

function identityFrom(payload: JWTPayload): VerifiedAccessToken {
  const { sub, role, tenant_id: tenantId } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('token has no subject');
  if (typeof role !== 'string' || !(role === OPERATOR_ROLE || isStaffRole(role))) throw new InvalidTokenError('token has no known role');
  if (tenantId !== undefined && tenantId !== null && (typeof tenantId !== 'string' || !isTenantId(tenantId))) {
    throw new InvalidTokenError('token tenant is not a tenant id');
  }
  const tenant = typeof tenantId === 'string' ? tenantId : null;
  // Staff always act within one tenant; the operator never does.
  if ((role === OPERATOR_ROLE) !== (tenant === null)) throw new InvalidTokenError('token role and tenant do not agree');
  return { sub, tenantId: tenant, role };
}

/** Tokens already verified, kept until they expire: a portal page makes several API calls with one token. */
const REMEMBERED_TOKENS = 1_000;

export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const { issuer } = options;
  // Keyed by the whole token, so only the same signed bytes can match; an entry is dropped
  // when the token expires (no clock tolerance here) and the oldest go first when full.
  const verified = new Map<string, { identity: VerifiedAccessToken; expiresAt: number }>();
  const remembered = (token: string): VerifiedAccessToken | undefined => {
    const entry = verified.get(token);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.identity;
    verified.delete(token);
    return undefined;
  };
  const remember = (token: string, identity: VerifiedAccessToken, exp: number | undefined) => {
    if (exp === undefined) return;
    if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { identity, expiresAt: exp * 1000 });
  };
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const getKeySet = (): Promise<JWTVerifyGetKey> => {
    if (!keySet) {
      // One discovery and one cached key set for the verifier's life; a failure is retried.
      keySet = (options.jwksUri ? Promise.resolve(options.jwksUri) : discoverJwksUri(issuer)).then((uri) => createRemoteJWKSet(new URL(uri)));
      keySet.catch(() => (keySet = undefined));
    }
    return keySet;
  };

  return {
    async verify(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('token is malformed');
      const known = remembered(token);
      if (known) return known;
      const keys = await getKeySet();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          algorithms: ACCEPTED_ALGORITHMS,
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch (error) {
        const reason = reasonFor(error);
        if (reason) throw new InvalidTokenError(reason);
        throw error;
      }
      if (!audienceMatches(payload, options.audience)) throw new InvalidTokenError('token is for another audience');
      if (payload.token_use !== 'access') throw new InvalidTokenError('token is not an access token');
      const identity = identityFrom(payload);
      remember(token, identity, payload.exp);
      return identity;
    },
  };
}
