/** Specifies which tenant and role a signed-in user's tokens carry. */
import { describe, expect, it } from 'vitest';
import { handler, tenantClaims } from './pre-token-generation.ts';
import type { PreTokenGenerationV2Event } from './pre-token-generation.ts';

const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const federated = { NorthshireEntra: TENANT_A };
const viaEntra = JSON.stringify([{ providerName: 'NorthshireEntra', providerType: 'SAML' }]);

describe('tenant claims', () => {
  it('copies the admin-set tenant and role of a user pool user', () => {
    expect(tenantClaims({ 'custom:tenant_id': TENANT_A, 'custom:role': 'qa' }, federated)).toEqual({
      tenant_id: TENANT_A,
      role: 'qa',
    });
  });

  it('gives the platform operator a role and no tenant', () => {
    expect(tenantClaims({ 'custom:role': 'operator', 'custom:tenant_id': TENANT_A }, {})).toEqual({ role: 'operator' });
  });

  it('adds nothing for a user without a valid tenant, so the API refuses them', () => {
    expect(tenantClaims({ 'custom:role': 'qa' }, {})).toEqual({});
    expect(tenantClaims({ 'custom:role': 'qa', 'custom:tenant_id': 'TENANT#x' }, {})).toEqual({});
  });

  it('leaves out a role that is not a Waypoint role', () => {
    expect(tenantClaims({ 'custom:tenant_id': TENANT_A, 'custom:role': 'superuser' }, {})).toEqual({ tenant_id: TENANT_A });
  });

  it('takes a federated user’s tenant from the provider’s configuration, not from their attributes', () => {
    const attributes = { identities: viaEntra, 'custom:tenant_id': TENANT_B, 'custom:role': 'manager' };
    expect(tenantClaims(attributes, federated)).toEqual({ tenant_id: TENANT_A, role: 'manager' });
  });

  it('never makes a federated user the platform operator', () => {
    expect(tenantClaims({ identities: viaEntra, 'custom:role': 'operator' }, federated)).toEqual({ tenant_id: TENANT_A });
  });

  it('adds nothing for a federated user of a provider with no tenant configured', () => {
    const other = JSON.stringify([{ providerName: 'Unknown' }]);
    expect(tenantClaims({ identities: other, 'custom:tenant_id': TENANT_B, 'custom:role': 'qa' }, federated)).toEqual({});
  });
});

describe('pre-token-generation handler', () => {
  it('puts the claims into both the access token and the ID token', async () => {
    const event: PreTokenGenerationV2Event = {
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      request: { userAttributes: { sub: 'u1', 'custom:tenant_id': TENANT_A, 'custom:role': 'senior' } },
      response: { claimsAndScopeOverrideDetails: null },
    };
    const result = await handler(event);
    const expected = { claimsToAddOrOverride: { tenant_id: TENANT_A, role: 'senior' } };
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: expected,
      idTokenGeneration: expected,
    });
  });
});
