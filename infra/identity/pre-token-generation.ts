/**
 * Cognito pre-token-generation trigger (event version V2_0): puts `tenant_id` and `role` into
 * access and ID tokens, from admin-only attributes, or for a federated user from the tenant
 * that identity provider was configured for, never from anything the user or the IdP asserts.
 */
import { isTenantId } from '@waypoint/shared/tenancy/keys';
import { OPERATOR_ROLE, isStaffRole } from '@waypoint/shared/tenancy/roles';

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

function readFederatedTenants(): FederatedTenants {
  try {
    const parsed: unknown = JSON.parse(process.env.FEDERATED_TENANTS ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as FederatedTenants) : {};
  } catch {
    return {};
  }
}

const federatedTenants = readFederatedTenants();

export async function handler(event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> {
  const claims = tenantClaims(event.request.userAttributes, federatedTenants);
  event.response.claimsAndScopeOverrideDetails = {
    idTokenGeneration: { claimsToAddOrOverride: claims },
    accessTokenGeneration: { claimsToAddOrOverride: claims },
  };
  return event;
}
