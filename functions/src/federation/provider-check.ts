/**
 * Checks a council's provider before anything is stored: an OpenID issuer must answer its
 * discovery document as that issuer, and SAML metadata must describe an identity provider
 * with a sign-in address and a signing certificate. A failure is a 400 that says what was
 * wrong in words the admin can act on, and nothing is changed.
 */
import type { ConnectProviderBody } from '@waypoint/shared/federation/connection-schemas';
import { isAcceptableProviderUrl } from '@waypoint/shared/federation/connection-schemas';
import { ApiError } from '../platform/http/api-error.ts';

const TIMEOUT_MS = 5_000;
const MAX_DOCUMENT_BYTES = 200_000;

function refuse(path: string, reason: string, message: string): ApiError {
  return new ApiError('validation', message, { errors: [{ path, message }], reason });
}

function isLoopback(url: string): boolean {
  return new URL(url).protocol === 'http:';
}

/** The document at `url`, bounded in time and size; redirects are not followed (they could lead anywhere). */
async function fetchDocument(url: string, path: string, what: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json, application/xml, text/xml' } });
  } catch {
    throw refuse(path, 'provider-unreachable', `Waypoint could not reach ${what} at ${url}. Check the address, and that the provider can be reached from the internet.`);
  }
  if (!response.ok) throw refuse(path, 'provider-unreachable', `${what[0]!.toUpperCase()}${what.slice(1)} at ${url} answered ${response.status}, not the document Waypoint needs. Check the address.`);
  const text = await response.text();
  if (text.length > MAX_DOCUMENT_BYTES) throw refuse(path, 'bad-metadata', `The document at ${url} is too large to be ${what}.`);
  return text;
}

async function checkOidcIssuer(issuer: string): Promise<void> {
  const trimmed = issuer.replace(/\/+$/, '');
  const url = `${trimmed}/.well-known/openid-configuration`;
  const text = await fetchDocument(url, 'issuer', 'the issuer');
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw refuse('issuer', 'bad-metadata', `${url} did not answer with an OpenID Connect discovery document. Check the issuer address (for Entra ID it ends in /v2.0).`);
  }
  if (typeof metadata.issuer !== 'string' || metadata.issuer.replace(/\/+$/, '') !== trimmed) {
    throw refuse('issuer', 'bad-metadata', `The provider says its issuer is ${String(metadata.issuer)}, not ${issuer}. Enter the issuer exactly as the provider gives it.`);
  }
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string' || typeof metadata.jwks_uri !== 'string') {
    throw refuse('issuer', 'bad-metadata', 'The provider’s discovery document has no sign-in, token or key address, so Waypoint cannot use it.');
  }
}

/** Enough of SAML metadata to sign people in: an IdP role, where to send them, and a key to check what comes back. */
export function samlMetadataProblem(xml: string): string | undefined {
  if (!/<(?:[\w-]+:)?EntityDescriptor[\s>]/.test(xml)) return 'This is not SAML metadata: it has no EntityDescriptor.';
  if (!/<(?:[\w-]+:)?IDPSSODescriptor[\s>]/.test(xml)) return 'The metadata does not describe an identity provider (no IDPSSODescriptor).';
  if (!/<(?:[\w-]+:)?SingleSignOnService[\s/>]/.test(xml)) return 'The metadata has no sign-in address (SingleSignOnService).';
  if (!/<(?:[\w-]+:)?X509Certificate>\s*[A-Za-z0-9+/=\s]{100,}<\//.test(xml)) return 'The metadata has no signing certificate.';
  return undefined;
}

export async function checkProvider(settings: ConnectProviderBody, options: { allowLoopback: boolean }): Promise<void> {
  const url = settings.kind === 'oidc' ? settings.issuer : settings.metadataUrl;
  const path = settings.kind === 'oidc' ? 'issuer' : 'metadataUrl';
  if (url !== undefined && (!isAcceptableProviderUrl(url) || (isLoopback(url) && !options.allowLoopback))) {
    throw refuse(path, 'provider-address', 'Enter the address as a full address starting with https://');
  }
  if (settings.kind === 'oidc') return checkOidcIssuer(settings.issuer);
  const xml = settings.metadataUrl ? await fetchDocument(settings.metadataUrl, 'metadataUrl', 'the metadata') : (settings.metadataXml ?? '');
  const problem = samlMetadataProblem(xml);
  if (problem) throw refuse(settings.metadataUrl ? 'metadataUrl' : 'metadataXml', 'bad-metadata', problem);
}
