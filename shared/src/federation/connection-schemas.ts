/**
 * A council's own identity provider, connected by its tenant admin: OpenID Connect (such as
 * Entra ID's v2.0 endpoint) or SAML, the email domains whose people sign in through it, and
 * which of its groups give which Waypoint role and teams. The client secret is write-only:
 * it goes to the sign-in service and is never stored with the connection or shown again.
 */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';
import { STAFF_ROLES, type StaffRole } from '../tenancy/roles.ts';

export const PROVIDER_KINDS = ['oidc', 'saml'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = { oidc: 'OpenID Connect', saml: 'SAML' };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on this machine only (the local stand-in for a council's provider). */
export function isAcceptableProviderUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

const ProviderUrl = (what: string) =>
  v.pipe(v.string(`Enter the ${what}`), v.trim(), v.minLength(1, `Enter the ${what}`), v.maxLength(2000, `Enter a ${what} of at most 2,000 characters`), v.check(isAcceptableProviderUrl, `Enter the ${what} as a full address starting with https://`));

/** A DNS name such as northvale.gov.uk: letters, digits and hyphens, at least two labels. */
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const EmailDomain = v.pipe(
  v.string('Enter an email domain'),
  v.trim(),
  v.toLowerCase(),
  v.transform((domain) => domain.replace(/^@/, '')),
  v.regex(DOMAIN, 'Enter an email domain like northvale.gov.uk, without the part before the @'),
);

/** Entra ID's group object ids are GUIDs; other providers use names. Both fit here. */
const GroupId = v.pipe(
  v.string('Enter the group’s id'),
  v.trim(),
  v.minLength(1, 'Enter the group’s id'),
  v.maxLength(128, 'Enter a group id of at most 128 characters'),
  v.regex(/^[A-Za-z0-9._:@ -]+$/, 'Enter the group id as the provider shows it (letters, digits and . _ : @ - only)'),
);

export const GroupMapping = v.strictObject({
  groupId: GroupId,
  role: v.picklist(STAFF_ROLES, (issue) => `“${String(issue.input)}” is not a Waypoint role: choose one of the roles Waypoint has`),
  teamIds: v.optional(v.pipe(v.array(EntityId), v.maxLength(20, 'Choose at most 20 teams')), []),
});
export type GroupMapping = v.InferOutput<typeof GroupMapping>;

const Domains = v.pipe(
  v.array(EmailDomain),
  v.minLength(1, 'Enter at least one email domain'),
  v.maxLength(20, 'Enter at most 20 email domains'),
  v.check((domains) => new Set(domains).size === domains.length, 'Enter each email domain once'),
);
const GroupMappings = v.pipe(
  v.array(GroupMapping),
  v.maxLength(50, 'Map at most 50 groups'),
  v.check((mappings) => new Set(mappings.map((m) => m.groupId.toLowerCase())).size === mappings.length, 'Map each group once'),
);

const ClientSecret = v.pipe(v.string(), v.minLength(1, 'Enter the client secret'), v.maxLength(1000, 'Enter a client secret of at most 1,000 characters'));

export const ConnectOidcBody = v.strictObject({
  kind: v.literal('oidc'),
  issuer: ProviderUrl('issuer address'),
  clientId: v.pipe(v.string('Enter the client id'), v.trim(), v.minLength(1, 'Enter the client id'), v.maxLength(255, 'Enter a client id of at most 255 characters')),
  /** Required the first time; left out afterwards to keep the secret already given. */
  clientSecret: v.optional(ClientSecret),
  domains: Domains,
  groupMappings: GroupMappings,
});

export const ConnectSamlBody = v.pipe(
  v.strictObject({
    kind: v.literal('saml'),
    metadataUrl: v.optional(ProviderUrl('metadata address')),
    metadataXml: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100_000, 'The metadata must be at most 100,000 characters'))),
    domains: Domains,
    groupMappings: GroupMappings,
  }),
  v.check((body) => (body.metadataUrl ? 1 : 0) + (body.metadataXml ? 1 : 0) === 1, 'Give either the metadata address or the metadata XML, not both'),
);

export const ConnectProviderBody = v.variant('kind', [ConnectOidcBody, ConnectSamlBody], 'Choose OpenID Connect or SAML');
export type ConnectProviderBody = v.InferOutput<typeof ConnectProviderBody>;

/** The connection as stored and shown: never the secret, only whether one was given. */
export interface ProviderConnection {
  kind: ProviderKind;
  /** The name the sign-in service knows the provider by (Cognito's provider name). */
  providerName: string;
  issuer?: string;
  clientId?: string;
  clientSecretSet?: boolean;
  metadataUrl?: string;
  metadataXml?: string;
  domains: string[];
  groupMappings: GroupMapping[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** How strongly a role reaches: a person in several mapped groups gets the widest role among them. */
const ROLE_REACH: Record<StaffRole, number> = { student: 0, practitioner: 1, manager: 2, qa: 3, senior: 4, admin: 5 };

/**
 * What a person's groups give them: the widest role among the mapped groups they are in and
 * every team those groups name; undefined when none of their groups is mapped.
 */
export function mappedAccess(mappings: readonly GroupMapping[], groups: readonly string[]): { role: StaffRole; teamIds: string[] } | undefined {
  const theirs = new Set(groups.map((g) => g.toLowerCase()));
  const matched = mappings.filter((m) => theirs.has(m.groupId.toLowerCase()));
  if (matched.length === 0) return undefined;
  const role = matched.map((m) => m.role).reduce((widest, role) => (ROLE_REACH[role] > ROLE_REACH[widest] ? role : widest));
  return { role, teamIds: [...new Set(matched.flatMap((m) => m.teamIds))] };
}

/** The email address's domain, lower-case, or undefined when it has none. */
export function emailDomainOf(email: string): string | undefined {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase();
  return DOMAIN.test(domain) ? domain : undefined;
}

/** Cognito provider names are at most 32 characters; one per tenant, derived from its id. */
export function providerNameFor(tenantId: string): string {
  return `council-${tenantId.replaceAll('-', '').slice(0, 24)}`;
}

/** What the sign-in page does with an email address. */
export const SignInDiscoveryBody = v.strictObject({ email: v.pipe(v.string(), v.trim(), v.maxLength(254)) });
export type SignInRoute = { method: 'password' } | { method: 'federated'; providerName: string };
