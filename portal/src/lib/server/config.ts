/** The portal's configuration, read once from the runtime environment and typed. */
import { env } from '$env/dynamic/private';
import { ConfigError } from './errors.ts';

export interface PortalConfig {
  /** Public origin of the portal, e.g. https://qa.example.gov.uk; redirect URIs derive from it. */
  origin: URL;
  /** Base URL of the Waypoint API. */
  apiUrl: URL;
  /** OpenID issuer staff sign in with. */
  issuer: URL;
  clientId: string;
  /** Secret the session-cookie key is derived from (at least 32 characters). */
  sessionSecret: string;
  /** Show the developer outbox (local machines only). */
  devOutbox: boolean;
}

function readString(key: string, errorMessage: string): string {
  const value = env[key];
  if (value === undefined || value.trim() === '') throw new ConfigError(errorMessage);
  return value.trim();
}

function readUrl(key: string, example: string): URL {
  const raw = readString(key, `${key} is required (for example ${example})`);
  try {
    return new URL(raw);
  } catch (cause) {
    throw new ConfigError(`${key} must be an absolute URL like ${example}`, { cause });
  }
}

function readConfig(): PortalConfig {
  const sessionSecret = readString('SESSION_SECRET', 'SESSION_SECRET is required: a random string of at least 32 characters');
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  return {
    origin: readUrl('ORIGIN', 'http://localhost:5173'),
    apiUrl: readUrl('API_URL', 'http://localhost:3000'),
    issuer: readUrl('OIDC_ISSUER', 'http://localhost:3100'),
    clientId: env.OIDC_CLIENT_ID?.trim() || 'waypoint-portal',
    sessionSecret,
    devOutbox: env.DEV_OUTBOX === '1',
  };
}

let cached: PortalConfig | undefined;

/** Reads the environment on first use, so a build without it still succeeds. */
export function portalConfig(): PortalConfig {
  cached ??= readConfig();
  return cached;
}

/** Plain http is allowed only for an issuer on this machine (the local provider). */
export function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
