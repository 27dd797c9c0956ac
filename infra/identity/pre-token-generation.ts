/**
 * Cognito pre-token-generation trigger (event version V2_0): puts `tenant_id` and `role` into
 * access and ID tokens, from admin-only attributes, or for a federated user from the tenant
 * that identity provider was configured for, never from anything the user or the IdP asserts.
 *
 * A provider a tenant admin connected at run time is not in the deployment's configuration: its
 * tenant is read from the table, and the person becomes (or is updated as) a Waypoint user just
 * in time, their role and teams from the groups their provider sent, as on one machine.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isTenantId } from '@waypoint/shared/tenancy/keys';
import { OPERATOR_ROLE, isStaffRole } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import { GROUPS_ATTRIBUTE } from '../../functions/src/federation/cognito-federation.ts';
import { parseGroups, signInThroughConnectedProvider } from '../../functions/src/federation/token-sign-in.ts';
import { createDocumentClient } from '../../functions/src/platform/database/clients.ts';
import { tenantScopedClientFactory } from '../../functions/src/platform/database/tenant-credentials.ts';

/** The parts of the V2_0 event this trigger reads and writes. */
export interface PreTokenGenerationV2Event {
  version: string;
  triggerSource: string;
  request: { userAttributes: Record<string, string | undefined> };
  response: {
    claimsAndScopeOverrideDetails?: {
      idTokenGeneration?: { claimsToAddOrOverride?: Record<string, string> };
      accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string> };
    } | null;
  };
}

/** Cognito provider name to tenant id, from the deployment's federation context. */
export type FederatedTenants = Record<string, string>;

function federatedProvider(attributes: Record<string, string | undefined>): string | undefined {
  if (!attributes.identities) return undefined;
  try {
    const identities = JSON.parse(attributes.identities) as { providerName?: unknown }[];
    const name = identities[0]?.providerName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims a user's tokens carry. Invalid or missing values add nothing, so the API sees no
 * tenant or role and refuses the caller, rather than the sign-in itself failing.
 */
export function tenantClaims(attributes: Record<string, string | undefined>, federatedTenants: FederatedTenants): Record<string, string> {
  const provider = federatedProvider(attributes);
  const role = attributes['custom:role'];
  const claims: Record<string, string> = {};

  if (provider !== undefined) {
    // A council's IdP vouches for its own staff only: the tenant is the one it was set up for,
    // and nobody signing in through it can be the platform operator.
    const tenantId = federatedTenants[provider];
    if (tenantId === undefined || !isTenantId(tenantId)) return claims;
    claims.tenant_id = tenantId;
    if (isStaffRole(role)) claims.role = role;
    return claims;
  }

  if (role === OPERATOR_ROLE) return { role };
  const tenantId = attributes['custom:tenant_id'];
  if (tenantId !== undefined && isTenantId(tenantId)) claims.tenant_id = tenantId;
  if (claims.tenant_id && isStaffRole(role)) claims.role = role;
  return claims;
}

/** Where run-time connections are kept; without a table, only configured providers are known. */
export interface ConnectionTable {
  /** Reads the provider and email-domain platform items, on the trigger's own role. */
  db: DynamoDBDocumentClient;
  /** The tenant's own items, on the tenant data role assumed with that tenant's tag (in AWS). */
  tenantDb?: (tenantId: string) => DynamoDBDocumentClient;
  tableName: string;
  portalUrl: string;
}

function personName(attributes: Record<string, string | undefined>, email: string): string {
  const full = attributes.name?.trim() || [attributes.given_name, attributes.family_name].filter(Boolean).join(' ').trim();
  return full || email;
}

/**
 * The claims of a person signed in through a provider connected at run time: the tenant it was
 * connected for and the role of their Waypoint user, made or updated now. Someone awaiting
 * approval (or switched off) carries the tenant and their record's role like anyone else: the API
 * checks the caller's current record on every request and refuses them there, as it does locally.
 */
async function connectedProviderClaims(attributes: Record<string, string | undefined>, providerName: string, table: ConnectionTable): Promise<Record<string, string>> {
  const userId = attributes.sub;
  const email = attributes.email;
  if (!userId || !email) return {};
  const signedIn = await signInThroughConnectedProvider({
    platform: table,
    ...(table.tenantDb ? { tenantDb: table.tenantDb } : {}),
    portalUrl: table.portalUrl,
    person: { providerName, userId, email, name: personName(attributes, email), groups: parseGroups(attributes[GROUPS_ATTRIBUTE]) },
    at: clock.nowIso(),
  });
  if (!signedIn || !isTenantId(signedIn.tenantId)) return {};
  return isStaffRole(signedIn.user.role) ? { tenant_id: signedIn.tenantId, role: signedIn.user.role } : { tenant_id: signedIn.tenantId };
}

/** Every user's claims: a provider connected at run time is looked up in the table, the rest as configured. */
export async function claimsFor(attributes: Record<string, string | undefined>, federatedTenants: FederatedTenants, table: ConnectionTable | undefined): Promise<Record<string, string>> {
  const provider = federatedProvider(attributes);
  if (provider === undefined || Object.hasOwn(federatedTenants, provider) || !table) return tenantClaims(attributes, federatedTenants);
  return connectedProviderClaims(attributes, provider, table);
}

function readFederatedTenants(): FederatedTenants {
  try {
    const parsed: unknown = JSON.parse(process.env.FEDERATED_TENANTS ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as FederatedTenants) : {};
  } catch {
    return {};
  }
}

function tableFromEnv(): ConnectionTable | undefined {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) return undefined;
  // DYNAMODB_ENDPOINT only in tests of the entry; in AWS the function's own role reaches the table.
  const region = process.env.AWS_REGION ?? 'eu-west-2';
  const db = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined, region });
  // The trigger's own role reaches no tenant's items: it writes a person's user, activity and
  // teams through the tenant data role, tagged with the tenant the provider was connected for.
  const roleArn = process.env.TENANT_DATA_ROLE_ARN;
  const tenantDb = roleArn ? tenantScopedClientFactory({ roleArn, region }) : undefined;
  return { db, ...(tenantDb ? { tenantDb } : {}), tableName, portalUrl: process.env.PORTAL_URL ?? '' };
}

export function createHandler(options: { federatedTenants: FederatedTenants; table: ConnectionTable | undefined }) {
  return async function handler(event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> {
    const claims = await claimsFor(event.request.userAttributes, options.federatedTenants, options.table);
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    };
    return event;
  };
}

export const handler = createHandler({ federatedTenants: readFederatedTenants(), table: tableFromEnv() });
