/** The portal's configuration, read once from the runtime environment and typed. */
import { env } from '$env/dynamic/private';
import { ConfigError } from './errors.ts';
import { secretArn, secretValue } from '@waypoint/shared/config/secret-value';

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
  /**
   * The storage service's origin (`UPLOAD_ORIGIN`), where the import page's upload form posts
   * the file straight to the bucket; forms may post there too. Absent: no direct uploads.
   */
  uploadOrigin?: string;
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

const SESSION_SECRET_REQUIRED = 'SESSION_SECRET is required: a random string of at least 32 characters';

function readConfig(rawSessionSecret: string | undefined): PortalConfig {
  const sessionSecret = rawSessionSecret?.trim() ?? '';
  if (sessionSecret === '') throw new ConfigError(SESSION_SECRET_REQUIRED);
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  return {
    origin: readUrl('ORIGIN', 'http://localhost:5173'),
    apiUrl: readUrl('API_URL', 'http://localhost:3000'),
    issuer: readUrl('OIDC_ISSUER', 'http://localhost:3100'),
    clientId: env.OIDC_CLIENT_ID?.trim() || 'waypoint-portal',
    sessionSecret,
    devOutbox: env.DEV_OUTBOX === '1',
    uploadOrigin: env.UPLOAD_ORIGIN?.trim() ? new URL(env.UPLOAD_ORIGIN.trim()).origin : undefined,
  };
}

let cached: PortalConfig | undefined;

/**
 * Reads the configuration once, fetching the session secret from Secrets Manager when
 * `SESSION_SECRET_ARN` names it (in AWS). The server's init hook awaits this before the
 * first request, once per cold start.
 */
export async function loadPortalConfig(): Promise<PortalConfig> {
  if (cached) return cached;
  const sessionSecret = await secretValue({ name: 'SESSION_SECRET', missingMessage: SESSION_SECRET_REQUIRED }, { env });
  cached ??= readConfig(sessionSecret);
  return cached;
}

/**
 * The configuration loadPortalConfig read. Where `SESSION_SECRET` holds the value itself (one
 * machine) it is read from the environment on first use, as before, so a build without it
 * still succeeds.
 */
export function portalConfig(): PortalConfig {
  if (cached) return cached;
  if (secretArn('SESSION_SECRET', env)) {
    throw new ConfigError('SESSION_SECRET_ARN is set, so the configuration must be loaded by the server init hook (loadPortalConfig) before it is used');
  }
  cached = readConfig(env.SESSION_SECRET);
  return cached;
}

/** Plain http is allowed only for an issuer on this machine (the local provider). */
export function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
