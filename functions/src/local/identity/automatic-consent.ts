/**
 * Consent without a consent screen: both clients are Waypoint's own, so whatever scopes
 * and resources a sign-in asked for are granted to the person who signed in.
 */
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { API_RESOURCE } from './waypoint-clients.ts';

function requestedResources(resource: unknown, defaults: string[]): string[] {
  if (typeof resource === 'string') return [resource];
  if (Array.isArray(resource)) return resource.filter((item): item is string => typeof item === 'string');
  return defaults;
}

/** Saves a grant covering the interaction's request and returns its id. */
/** `defaultResources`: what a request naming no resource gets (Waypoint's API; none for the council stand-in, which has no API). */
export async function grantRequestedAccess(options: { provider: Provider; details: InteractionDetails; accountId: string; defaultResources?: string[] }): Promise<string> {
  const { provider, details, accountId } = options;
  const clientId = String(details.params.client_id);
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  // A grant belongs to one person: after signing in as someone else, start afresh.
  const grant = existing?.accountId === accountId && existing.clientId === clientId ? existing : new provider.Grant({ accountId, clientId });
  const scope = typeof details.params.scope === 'string' ? details.params.scope : 'openid';
  grant.addOIDCScope(scope);
  const missingClaims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
  for (const resource of requestedResources(details.params.resource, options.defaultResources ?? [API_RESOURCE])) grant.addResourceScope(resource, scope);
  return grant.save();
}
