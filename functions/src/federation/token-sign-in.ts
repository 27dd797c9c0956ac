/**
 * A person signing in through a council's provider connected at run time, as the sign-in
 * service's token trigger sees them (in AWS, Cognito's pre-token-generation trigger): the tenant
 * is the one that provider was connected for, read from the table, and their email's domain must
 * be connected to the same provider, as on one machine. Then they become, or are updated as, a
 * Waypoint user by the same code the local sign-in uses (federated-users.ts).
 */
import { emailDomainOf } from '@waypoint/shared/federation/connection-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantContext } from '../platform/auth/caller.ts';
import { domainOwner, getConnection, providerTenant, type PlatformTable } from './connection-store.ts';
import { signInFederatedPerson } from './federated-users.ts';

export interface TokenSignInPerson {
  providerName: string;
  /** The sign-in service's subject: the API knows the caller by it, so it is the user id. */
  userId: string;
  email: string;
  name: string;
  groups: readonly string[];
}

/**
 * The groups as the sign-in service hands over a mapped multi-valued claim: a JSON array, or the
 * bracketed, comma-separated form SAML claims arrive in (`[a, b]`), or a single value.
 */
export function parseGroups(value: string | undefined): string[] {
  const text = value?.trim();
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.filter((g): g is string => typeof g === 'string' && g.length > 0);
    if (typeof parsed === 'string') return parsed ? [parsed] : [];
  } catch {
    // Not JSON: the bracketed form below.
  }
  return text
    .replace(/^\[/, '')
    .replace(/\]$/, '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

/**
 * The tenant and the Waypoint user now; undefined when the provider or the email is not connected.
 * `tenantDb` gives the client for the tenant's own items (in AWS on credentials tagged with that
 * tenant, so the trigger cannot write another tenant's keys); without it the platform client is used.
 */
export async function signInThroughConnectedProvider(options: {
  platform: PlatformTable;
  tenantDb?: (tenantId: string) => DynamoDBDocumentClient;
  portalUrl: string;
  person: TokenSignInPerson;
  at: string;
}): Promise<{ tenantId: string; user: User } | undefined> {
  const { platform, person } = options;
  const tenantId = await providerTenant(platform, person.providerName);
  if (!tenantId) return undefined;
  const email = person.email.trim().toLowerCase();
  const domain = emailDomainOf(email);
  const owner = domain ? await domainOwner(platform, domain) : undefined;
  if (!owner || owner.tenantId !== tenantId || owner.providerName !== person.providerName) return undefined;
  const tenant = tenantContext({ tenantId, db: options.tenantDb?.(tenantId) ?? platform.db, tableName: platform.tableName, portalUrl: options.portalUrl });
  const connection = await getConnection(tenant);
  if (!connection) return undefined;
  const name = person.name.trim().slice(0, 120) || email;
  const user = await signInFederatedPerson({ tenant, connection, person: { userId: person.userId, email, name, groups: person.groups }, at: options.at });
  return { tenantId, user };
}
