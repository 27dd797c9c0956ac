/** Keys of the platform's own items (`PLATFORM#...`), outside every tenant. */
import { isoTime, safe, tenantRoot, type Key } from './key-parts.ts';

/** Platform items: the tenant directory, the slug lookup and the operators' activity log. Only the platform code path uses these. */
export const platformKeys = {
  tenant: (tenantId: string): Key => ({ PK: 'PLATFORM#TENANTS', SK: tenantRoot(tenantId) }),
  tenantsPartition: (): string => 'PLATFORM#TENANTS',
  slug: (slug: string): Key => ({ PK: `PLATFORM#SLUG#${safe(slug, 'slug')}`, SK: 'TENANT' }),
  /** What operators did, one partition, newest last; the key is derived from the action, so a retry rewrites the same entry. */
  activity: (at: string, tenantId: string, action: string): Key => ({ PK: 'PLATFORM#ACTIVITY', SK: `${isoTime(at)}#${tenantRoot(tenantId)}#${safe(action, 'action')}` }),
  activityPartition: (): string => 'PLATFORM#ACTIVITY',
  /** An offboarded authority's deletion: its progress while the job works, then its certificate (counts and dates, no content). */
  deletion: (tenantId: string): Key => ({ PK: 'PLATFORM#DELETIONS', SK: tenantRoot(tenantId) }),
  /** The local identity provider's accounts (Cognito holds them in AWS). */
  account: (email: string): Key => ({ PK: `PLATFORM#ACCOUNT#${safe(email.toLowerCase(), 'email')}`, SK: 'ACCOUNT' }),
  /** Which tenant's provider an email domain signs in through; one tenant per domain. */
  emailDomain: (domain: string): Key => ({ PK: `PLATFORM#EMAIL-DOMAIN#${safe(domain.toLowerCase(), 'email domain')}`, SK: 'DOMAIN' }),
  /** Which tenant a connected identity provider vouches for, by the sign-in service's name for it. */
  federatedProvider: (providerName: string): Key => ({ PK: `PLATFORM#IDENTITY-PROVIDER#${safe(providerName, 'provider name')}`, SK: 'PROVIDER' }),
  /** The local identity provider's copy of a connected provider's details (Cognito keeps them in AWS). */
  localFederation: (providerName: string): Key => ({ PK: `PLATFORM#LOCAL-FEDERATION#${safe(providerName, 'provider name')}`, SK: 'FEDERATION' }),
};
