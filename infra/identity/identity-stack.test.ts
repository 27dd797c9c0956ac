/** Specifies the user pool, its token trigger, the portal's app client and federation. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

const TENANT = '0f8fad5b-d9cb-469f-a165-70867728950e';
const federation = [
  { type: 'saml', name: 'NorthshireEntra', tenantId: TENANT, metadataUrl: 'https://login.example/northshire/metadata.xml' },
  {
    type: 'oidc',
    name: 'Southshire',
    tenantId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    issuerUrl: 'https://idp.southshire.example',
    clientId: 'waypoint',
    clientSecretName: 'southshire/oidc-client',
  },
];

let plain: SynthesizedWaypoint;
let federated: SynthesizedWaypoint;
beforeAll(() => {
  plain = synthWaypoint();
  federated = synthWaypoint({ federation, authDomainPrefix: 'waypoint-northshire' });
});

function appClient(waypoint: SynthesizedWaypoint): Record<string, any> {
  const clients = waypoint.templates.application.findResources('AWS::Cognito::UserPoolClient');
  expect(Object.keys(clients)).toHaveLength(1);
  return Object.values(clients)[0]!.Properties;
}

describe('the user pool', () => {
  it('is one pool on the PLUS plan, with no self sign-up, kept if the stack is deleted', () => {
    plain.templates.identity.resourceCountIs('AWS::Cognito::UserPool', 1);
    plain.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeletionProtection: 'ACTIVE',
    });
    plain.templates.identity.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has tenant_id and role as custom attributes', () => {
    plain.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: true }), Match.objectLike({ Name: 'role', AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it('has a mutable groups attribute for a council provider’s group ids', () => {
    plain.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'groups', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MaxLength: '2048' } })]),
    });
  });

  it('lets the token trigger read only the provider and domain platform items, and reach a tenant’s items only through the tenant data role', () => {
    const policies = plain.templates.identity.findResources('AWS::IAM::Policy');
    const triggerPolicies = Object.entries(policies).filter(([id]) => id.startsWith('PreTokenGenerationRole'));
    expect(triggerPolicies).toHaveLength(1);
    const statements: Record<string, any>[] = triggerPolicies[0]![1].Properties.PolicyDocument.Statement;
    const read = statements.find((s) => s.Sid === 'ReadProviderConnections');
    expect(read?.Action).toBe('dynamodb:GetItem');
    expect(read?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PLATFORM#IDENTITY-PROVIDER#*', 'PLATFORM#EMAIL-DOMAIN#*'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
    // GetItem of those two kinds of platform item is the only DynamoDB action of its own: no tenant keys, no writes.
    const dynamoActions = statements.flatMap((s) => [s.Action].flat()).filter((a: string) => a.startsWith('dynamodb:'));
    expect(dynamoActions).toEqual(['dynamodb:GetItem']);
    const assume = statements.find((s) => s.Sid === 'AssumeTenantDataRoleWithTag');
    expect(assume?.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(JSON.stringify(assume?.Resource)).toContain(':role/waypoint-prod-tenant-data');
    plain.templates.identity.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), TENANT_DATA_ROLE_ARN: Match.anyValue() }) },
    });
  });

  it('is trusted by the tenant data role, with the same one-UUID-tag condition as the API’s roles', () => {
    plain.templates.application.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'waypoint-prod-tenant-data',
      AssumeRolePolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Principal: { AWS: { 'Fn::ImportValue': Match.stringLikeRegexp('PreTokenGenerationRole') } },
            Condition: { StringLike: { 'aws:RequestTag/TenantId': '????????-????-????-????-????????????' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] } },
          }),
        ]),
      },
    });
  });

  it('requires TOTP MFA (an authenticator app, never SMS) of everyone who signs in with a password, in every deployment', () => {
    for (const waypoint of [plain, federated]) {
      waypoint.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    }
  });

  it('enforces threat protection (PLUS plan) by default, not only reporting it', () => {
    for (const waypoint of [plain, federated]) {
      waypoint.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
    }
  });

  it('runs the V2_0 pre-token-generation trigger, which can add claims to access tokens', () => {
    plain.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('PreTokenGeneration'), 'Arn'] } },
      },
    });
  });

  it('tells the trigger which tenant each federated identity provider belongs to', () => {
    federated.templates.identity.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          FEDERATED_TENANTS: JSON.stringify({ NorthshireEntra: TENANT, Southshire: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
        }),
      },
    });
  });

  it('has a hosted sign-in domain, from context when given', () => {
    plain.templates.identity.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    federated.templates.identity.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'waypoint-northshire' });
  });
});

describe('the portal app client', () => {
  it('uses the authorization code flow with no secret (PKCE), and no other flow', () => {
    const client = appClient(plain);
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('cannot write custom:tenant_id or custom:role, but can read them; writes only the groups a council’s provider maps', () => {
    const client = appClient(plain);
    expect(client.WriteAttributes).not.toContain('custom:tenant_id');
    expect(client.WriteAttributes).not.toContain('custom:role');
    expect(client.WriteAttributes.filter((attribute: string) => attribute.startsWith('custom:'))).toEqual(['custom:groups']);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:tenant_id', 'custom:role']));
  });

  it('sends users back to the portal’s own CloudFront address', () => {
    const callback = plain.stacks.application.resolve(appClient(plain).CallbackURLs[0]);
    expect(JSON.stringify(callback)).toMatch(/Distribution.*DomainName.*\/auth\/callback/);
  });

  it('offers each configured identity provider beside Cognito’s own sign-in', () => {
    expect(appClient(plain).SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(appClient(federated).SupportedIdentityProviders).toEqual(['COGNITO', 'NorthshireEntra', 'Southshire']);
  });
});

describe('federation from context', () => {
  it('adds a SAML provider from its metadata URL, mapping only email and names', () => {
    federated.templates.identity.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'NorthshireEntra',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataURL: 'https://login.example/northshire/metadata.xml' },
      AttributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        given_name: Match.anyValue(),
        family_name: Match.anyValue(),
      },
    });
  });

  it('adds an OIDC provider whose client secret stays in Secrets Manager', () => {
    federated.templates.identity.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Southshire',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'waypoint',
        oidc_issuer: 'https://idp.southshire.example',
        client_secret: '{{resolve:secretsmanager:southshire/oidc-client:SecretString:::}}',
      }),
    });
  });

  it('adds no identity provider when the context names none', () => {
    plain.templates.identity.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
  });
});
