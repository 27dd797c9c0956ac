/**
 * The portal's Cognito app client: authorization code with PKCE and no secret, able to read
 * but never write the tenant and role attributes. It lives beside the portal (not in the
 * identity stack) because its callback URL is the portal's address, which CloudFront assigns.
 */
import { Duration } from 'aws-cdk-lib';
import { CfnUserPoolClient, ClientAttributes, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { FederatedProvider } from './federation.ts';

/** Where the portal receives the authorization code and where sign-out returns to. */
export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/';

export const TENANT_ATTRIBUTE = 'custom:tenant_id';
export const ROLE_ATTRIBUTE = 'custom:role';

export interface PortalClientProps {
  userPool: IUserPool;
  /** `https://<portal host>` with no trailing slash. */
  portalOrigin: string;
  federatedProviders: FederatedProvider[];
}

export function portalClient(scope: Construct, id: string, props: PortalClientProps): UserPoolClient {
  const client = new UserPoolClient(scope, id, {
    userPool: props.userPool,
    // A public client: PKCE protects the code exchange, and there is no secret to leak.
    generateSecret: false,
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [`${props.portalOrigin}${CALLBACK_PATH}`],
      logoutUrls: [`${props.portalOrigin}${SIGNED_OUT_PATH}`],
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO, ...props.federatedProviders.map((provider) => UserPoolClientIdentityProvider.custom(provider.name))],
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    accessTokenValidity: Duration.minutes(60),
    idTokenValidity: Duration.minutes(60),
    refreshTokenValidity: Duration.hours(12),
    readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true }).withCustomAttributes('tenant_id', 'role'),
    // Never tenant_id or role: a user who could write custom:tenant_id could pick a tenant.
    // Email, names and groups, because a council's provider writes them at each sign-in (Cognito
    // refuses to map an attribute the client cannot write); the client's scopes do not include the
    // one that would let a person change their own attributes, and groups count only for people
    // of a connected provider, through their tenant's mapping.
    writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true, givenName: true, familyName: true }).withCustomAttributes('groups'),
  });
  // Sign-in happens only through the hosted pages (authorization code); the API flows that
  // take a password directly (SRP, custom auth), which Cognito enables when none are named,
  // stay off. Only refreshing tokens is allowed.
  (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
  for (const provider of props.federatedProviders) client.node.addDependency(provider.resource);
  return client;
}
