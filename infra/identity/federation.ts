/**
 * Optional federation to a council's own identity provider (SAML or OIDC, e.g. Entra ID),
 * one per entry of the `federation` context. The provider supplies only the user's name and
 * email; the tenant comes from the deployment's configuration (see pre-token-generation.ts).
 */
import { SecretValue } from 'aws-cdk-lib';
import { OidcAttributeRequestMethod, ProviderAttribute, UserPoolIdentityProviderOidc, UserPoolIdentityProviderSaml, UserPoolIdentityProviderSamlMetadata } from 'aws-cdk-lib/aws-cognito';
import type { IUserPool, IUserPoolIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { Federation } from '../config/settings.ts';

export interface FederatedProvider {
  name: string;
  tenantId: string;
  resource: IUserPoolIdentityProvider;
}

/** The claim names Entra ID (and most SAML IdPs) use for email and names. */
const SAML_CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  familyName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
};

function provider(scope: Construct, userPool: IUserPool, federation: Federation): IUserPoolIdentityProvider {
  const id = `Federation${federation.name}`;
  if (federation.type === 'saml') {
    return new UserPoolIdentityProviderSaml(scope, id, {
      userPool,
      name: federation.name,
      metadata: UserPoolIdentityProviderSamlMetadata.url(federation.metadataUrl),
      attributeMapping: {
        email: ProviderAttribute.other(SAML_CLAIMS.email),
        givenName: ProviderAttribute.other(SAML_CLAIMS.givenName),
        familyName: ProviderAttribute.other(SAML_CLAIMS.familyName),
      },
    });
  }
  return new UserPoolIdentityProviderOidc(scope, id, {
    userPool,
    name: federation.name,
    issuerUrl: federation.issuerUrl,
    clientId: federation.clientId,
    // A dynamic reference: CloudFormation reads the secret at deploy time; it never appears
    // in the synthesized template.
    clientSecret: SecretValue.secretsManager(federation.clientSecretName).unsafeUnwrap(),
    scopes: ['openid', 'email', 'profile'],
    attributeRequestMethod: OidcAttributeRequestMethod.GET,
    attributeMapping: {
      email: ProviderAttribute.other('email'),
      givenName: ProviderAttribute.other('given_name'),
      familyName: ProviderAttribute.other('family_name'),
    },
  });
}

export function federatedIdentityProviders(scope: Construct, userPool: IUserPool, federations: Federation[]): FederatedProvider[] {
  return federations.map((federation) => ({
    name: federation.name,
    tenantId: federation.tenantId,
    resource: provider(scope, userPool, federation),
  }));
}
