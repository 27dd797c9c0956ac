/**
 * The port through which connecting a council's provider reaches the sign-in service: the
 * Cognito user pool in AWS (`cognito-federation.ts`), the local OpenID provider on one machine
 * (`local/identity/local-federation.ts`). Connecting creates or updates the provider there at
 * run time and lets the portal's sign-in use it; no deployment is involved.
 */
import type { ConnectProviderBody } from '@waypoint/shared/federation/connection-schemas';

export interface ProviderRegistration {
  providerName: string;
  tenantId: string;
  /** As the admin sent it; `clientSecret` is absent when the one given before is kept. */
  settings: ConnectProviderBody;
}

export interface IdentityFederation {
  /** Whether provider addresses may be plain http on this machine (only the local stand-in's are). */
  allowsLoopbackProviders: boolean;
  /** Creates the provider, or updates it if it exists, and adds it to the portal's sign-in. */
  register(registration: ProviderRegistration): Promise<void>;
  /** Takes the provider out of the portal's sign-in and deletes it; a provider already gone is no error. */
  unregister(providerName: string): Promise<void>;
}

/** The sign-in service refused the provider's details (Cognito checks an issuer or metadata itself too). */
export class ProviderRejectedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProviderRejectedError';
  }
}
