/**
 * The identity stack: one Cognito user pool for every tenant, with tenant and role as
 * admin-only attributes that a pre-token-generation trigger copies into access tokens, a
 * hosted sign-in domain, MFA, and optional federation to councils' own identity providers.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, LambdaVersion, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool, UserPoolEmail, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import type { UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { waypointFunction } from '../config/node-function.ts';
import { ENTRY_POINTS } from '../config/paths.ts';
import type { WaypointSettings } from '../config/settings.ts';
import { tenantDataRoleName } from '../data/data-access-roles.ts';
import { tableKeyStatement } from '../data/tenant-data-policy.ts';
import { federatedIdentityProviders } from './federation.ts';
import type { FederatedProvider } from './federation.ts';

export interface IdentityStackProps extends StackProps {
  settings: WaypointSettings;
  /** Where councils' run-time connections are kept and their people's Waypoint users are made. */
  table: ITable;
  tableKey: IKey;
}

/**
 * The only platform items the token trigger reads: which tenant a provider was connected for, and
 * which provider an email domain belongs to.
 */
export const TRIGGER_PLATFORM_KEYS = ['PLATFORM#IDENTITY-PROVIDER#*', 'PLATFORM#EMAIL-DOMAIN#*'];

export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly hostedDomain: UserPoolDomain;
  readonly preTokenGeneration: NodejsFunction;
  readonly federatedProviders: FederatedProvider[];
  /** The OpenID issuer of the pool's tokens, for the API's JWT authorizer and the app. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.userPool = new UserPool(this, 'UserPool', {
      // PLUS: threat protection (compromised credentials, risky sign-ins) enforced, not just
      // reported. (ESSENTIALS would already do for the V2_0 trigger's access-token claims.)
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      // Set by tenant admins through the API (AdminUpdateUserAttributes); the portal's app
      // client may read them but never write them.
      customAttributes: {
        tenant_id: new StringAttribute({ minLen: 36, maxLen: 36, mutable: true }),
        role: new StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
        // A council provider's group ids, written by Cognito from the provider's groups claim at
        // each sign-in (cognito-federation.ts); only the token trigger acts on them.
        groups: new StringAttribute({ maxLen: 2048, mutable: true }),
      },
      // Everyone who signs in with a password must use an authenticator app; the hosted sign-in
      // enrols them (QR code, then a first code) the first time. Cognito asks no MFA of people
      // who sign in through their council's provider: that provider applies its own policy.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your Waypoint account',
        emailBody: 'You have been given a Waypoint account. Sign in with {username} and the temporary password {####}, then choose your own.',
      },
      ...(settings.cognitoEmailViaSes && settings.emailFrom ? { email: this.sesEmail(settings) } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.preTokenGeneration = waypointFunction(this, 'PreTokenGeneration', {
      entry: ENTRY_POINTS.preTokenGeneration,
      description: 'Adds tenant_id and role to Waypoint access tokens',
      serviceName: 'waypoint-identity',
      logLevel: settings.logLevel,
      logRetention: settings.logRetention,
      memorySize: 256,
      timeout: Duration.seconds(5),
      environment: {
        FEDERATED_TENANTS: JSON.stringify(Object.fromEntries(settings.federations.map((f) => [f.name, f.tenantId]))),
        TABLE_NAME: props.table.tableName,
      },
    });
    this.grantConnectedSignIn(props.table, props.tableKey, settings.stage);
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preTokenGeneration, LambdaVersion.V2_0);

    this.hostedDomain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? `waypoint-${settings.stage}-${Aws.ACCOUNT_ID}` },
    });

    this.federatedProviders = federatedIdentityProviders(this, this.userPool, settings.federations);
    this.issuerUrl = `https://cognito-idp.${this.region}.${this.urlSuffix}/${this.userPool.userPoolId}`;
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
  }

  /**
   * The trigger reads a run-time provider's tenant and makes that tenant's user just in time. Its
   * own role reads only the two kinds of platform item above (GetItem, nothing else in the
   * table). For the tenant's items (the user, its activity entry, the tenant's size and teams) it
   * assumes the tenant data role with a `TenantId` tag of the tenant the provider was connected
   * for, so the same leading-key policy as the API's holds it to that one tenant's keys. The
   * role is named, not referenced: it is made later, in the application stack, which trusts
   * this function's role.
   */
  private grantConnectedSignIn(table: ITable, tableKey: IKey, stage: string): void {
    const role = this.preTokenGeneration.role;
    if (!role) return;
    const leadingKeys = (patterns: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns }, Null: { 'dynamodb:LeadingKeys': 'false' } });
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'ReadProviderConnections', actions: ['dynamodb:GetItem'], resources: [table.tableArn], conditions: leadingKeys(TRIGGER_PLATFORM_KEYS) }));
    const key = tableKeyStatement(tableKey.keyArn, this.region);
    role.addToPrincipalPolicy(new PolicyStatement({ sid: key.Sid, actions: key.Action, resources: key.Resource, conditions: key.Condition }));
    const tenantDataRoleArn = this.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: tenantDataRoleName(stage) });
    role.addToPrincipalPolicy(new PolicyStatement({ sid: 'AssumeTenantDataRoleWithTag', actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [tenantDataRoleArn] }));
    this.preTokenGeneration.addEnvironment('TENANT_DATA_ROLE_ARN', tenantDataRoleArn);
  }

  private sesEmail(settings: WaypointSettings): UserPoolEmail {
    const domain = settings.sesIdentity?.includes('@') ? undefined : settings.sesIdentity;
    return UserPoolEmail.withSES({
      fromEmail: settings.emailFrom ?? '',
      fromName: 'Waypoint',
      sesRegion: this.region,
      ...(domain ? { sesVerifiedDomain: domain } : {}),
    });
  }
}
