/**
 * Connecting Northvale to the stand-in for its own Entra ID, and signing in through it, for the
 * suites that test the council's own sign-in. The stack's restore removes the connection, its
 * domain claims and the users it made before the next file runs.
 */
import { COUNCIL_GROUPS } from '@waypoint/functions/local/council-identity/council-directory';
import { COUNCIL_DOMAIN } from '@waypoint/functions/local/council-identity/council-directory';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import type { TestStack } from './stack.ts';

export { COUNCIL_DOMAIN, COUNCIL_GROUPS };

/** Managers lead Child in Need; social workers are practitioners in it. */
export function northvaleConnection(stack: TestStack, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'oidc',
    issuer: stack.council.issuer,
    clientId: stack.council.clientId,
    clientSecret: stack.council.clientSecret,
    domains: [COUNCIL_DOMAIN],
    groupMappings: [
      { groupId: COUNCIL_GROUPS.teamManagers.id, role: 'manager', teamIds: ['child-in-need'] },
      { groupId: COUNCIL_GROUPS.practitioners.id, role: 'practitioner', teamIds: ['child-in-need'] },
    ],
    ...overrides,
  };
}

/** An access token from a real sign-in through the council's provider (email and password typed there). */
export function councilToken(stack: TestStack, email: string, providerName: string): Promise<string> {
  return fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD, federated: { providerName, issuer: stack.council.issuer } });
}
