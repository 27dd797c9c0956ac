/**
 * The application stack: everything that serves a request. API and jobs Lambdas, the data
 * roles they assume, email, the HTTP API, the portal Lambda and its assets, CloudFront, and
 * the portal's Cognito app client. They share a stack because they refer to each other in a
 * ring that only resolves resource by resource: the app client's callback URL is
 * CloudFront's domain, CloudFront's origin is the HTTP API, and the HTTP API's JWT authorizer
 * needs the app client's id.
 */
import { Annotations, CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { IUserPool, UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { objectsBucketName, objectsUploadOrigin } from '../data/object-bucket-policy.ts';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ORIGIN_VERIFY_SECRET_ENV } from '@waypoint/shared/config/origin-verify';
import type { Construct } from 'constructs';
import { ApiFunctions } from '../api/api-functions.ts';
import { WaypointHttpApi } from '../api/http-api.ts';
import type { WaypointSettings } from '../config/settings.ts';
import { DataAccessRoles } from '../data/data-access-roles.ts';
import { EmailSending } from '../email/email-sending.ts';
import type { FederatedProvider } from '../identity/federation.ts';
import { portalClient } from '../identity/portal-client.ts';
import type { PortalBuild } from '../portal/portal-build.ts';
import { PortalDistribution } from '../portal/portal-distribution.ts';
import { portalFunction } from '../portal/portal-function.ts';
import { securityHeadersPolicy } from '../portal/security-headers.ts';

export interface ApplicationStackProps extends StackProps {
  settings: WaypointSettings;
  table: ITable;
  tableKey: IKey;
  objectsKey: IKey;
  identity: {
    userPool: IUserPool;
    hostedDomain: UserPoolDomain;
    preTokenGeneration: NodejsFunction;
    federatedProviders: FederatedProvider[];
    issuerUrl: string;
  };
  webAclArn: string;
  portalBuild: PortalBuild;
}

export class ApplicationStack extends Stack {
  readonly functions: ApiFunctions;
  readonly dataAccess: DataAccessRoles;
  readonly portal: NodejsFunction;
  readonly portalSessionSecret: Secret;
  readonly httpApi: WaypointHttpApi;
  readonly web: PortalDistribution;
  readonly portalClient: UserPoolClient;
  readonly email: EmailSending | undefined;
  readonly originVerifySecret: Secret;

  constructor(scope: Construct, id: string, props: ApplicationStackProps) {
    super(scope, id, props);
    const { settings, identity } = props;

    this.functions = new ApiFunctions(this, 'Functions', {
      settings,
      tableName: props.table.tableName,
      userPool: identity.userPool,
      issuerUrl: identity.issuerUrl,
    });
    const lambdaRoles = this.functions.all.map((fn) => fn.role).filter((role) => role !== undefined);
    this.dataAccess = new DataAccessRoles(this, 'DataAccess', {
      table: props.table,
      tableKey: props.tableKey,
      objectsBucketName: objectsBucketName(settings.stage, this.account, this.region),
      objectsKey: props.objectsKey,
      trustedRoles: lambdaRoles,
      tenantOnlyRoles: [
        ...(identity.preTokenGeneration.role ? [identity.preTokenGeneration.role] : []),
        // Only while the after-deploy isolation probe runs (docs/ARCHITECTURE.md).
        ...(settings.isolationProbeRoleArn ? [Role.fromRoleArn(this, 'IsolationProbeRole', settings.isolationProbeRoleArn, { mutable: false })] : []),
      ],
      stage: settings.stage,
    });
    this.functions.setDataRoles({
      tenantDataRoleArn: this.dataAccess.tenantDataRole.roleArn,
      platformDataRoleArn: this.dataAccess.platformDataRole.roleArn,
    });
    this.functions.setObjectsBucket(objectsBucketName(settings.stage, this.account, this.region));
    this.functions.allowKeyOnlyScan(props.table.tableArn, props.tableKey.keyArn, this.region);
    if (settings.sesIdentity) {
      this.email = new EmailSending(this, 'Email', {
        sesIdentity: settings.sesIdentity,
        alreadyExists: settings.sesIdentityExists,
        senders: this.functions.emailSenders,
        stage: settings.stage,
      });
      for (const fn of this.functions.emailSenders) fn.addEnvironment('SES_CONFIGURATION_SET', this.email.configurationSetName);
    }

    this.httpApi = new WaypointHttpApi(this, 'Http', {
      logRetention: settings.logRetention,
      throttle: settings.apiThrottle,
      publicThrottle: settings.publicApiThrottle,
    });
    const signInOrigin = identity.hostedDomain.baseUrl();
    // Only CloudFront knows this value, so only requests through CloudFront (and its WAF) are
    // answered; a request to the execute-api address directly gets 403 (origin-verify.ts).
    this.originVerifySecret = new Secret(this, 'OriginVerifySecret', {
      description: 'Sent by CloudFront to the HTTP API as x-origin-verify; the API and portal refuse requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    this.web = new PortalDistribution(this, 'Web', {
      build: props.portalBuild,
      apiOriginDomainName: this.httpApi.originDomainName,
      originVerify: { value: this.originVerifySecret.secretValue.unsafeUnwrap(), rotation: settings.originSecretRotation },
      headers: securityHeadersPolicy(this, 'SecurityHeaders', signInOrigin),
      webAclArn: props.webAclArn,
      customDomain: settings.portalDomain,
      logRetention: settings.logRetention,
    });

    this.functions.setPortalUrl(this.web.origin);

    this.portalClient = portalClient(this, 'PortalClient', {
      userPool: identity.userPool,
      portalOrigin: this.web.origin,
      federatedProviders: identity.federatedProviders,
    });
    this.functions.setAudience(this.portalClient.userPoolClientId);

    const portal = portalFunction(this, 'Portal', { build: props.portalBuild, settings });
    if (props.portalBuild.kind === 'placeholder') {
      Annotations.of(portal.handler).addWarningV2('waypoint:portal-placeholder', 'No portal build found: the PLACEHOLDER portal is packaged. Run `PORTAL_ADAPTER=lambda npm run build -w portal` before deploying.');
    }
    this.portal = portal.handler;
    this.portalSessionSecret = portal.sessionSecret;
    const portalEnvironment = {
      ORIGIN: this.web.origin,
      OIDC_ISSUER: identity.issuerUrl,
      OIDC_CLIENT_ID: this.portalClient.userPoolClientId,
      COGNITO_DOMAIN: signInOrigin,
      API_URL: this.httpApi.api.apiEndpoint,
      // Upload forms (imports) post straight to the bucket with a presigned POST.
      UPLOAD_ORIGIN: objectsUploadOrigin(settings.stage, this.account, this.region),
    };
    for (const [key, value] of Object.entries(portalEnvironment)) this.portal.addEnvironment(key, value);
    // The portal signs each visitor's address with it for the API's per-visitor limits.
    this.portal.addEnvironment('CLIENT_ADDRESS_SECRET_ARN', this.functions.clientAddressSecret.secretArn);
    this.functions.clientAddressSecret.grantRead(this.portal);
    for (const fn of [...Object.values(this.functions.api), this.portal]) {
      fn.addEnvironment(ORIGIN_VERIFY_SECRET_ENV, this.originVerifySecret.secretArn);
      this.originVerifySecret.grantRead(fn);
    }

    this.httpApi.addApiRoutes(this.functions.api, {
      issuerUrl: identity.issuerUrl,
      audience: [this.portalClient.userPoolClientId],
    });
    this.httpApi.addPortalRoutes(this.portal);
    this.httpApi.applyRouteThrottles();

    new CfnOutput(this, 'PortalUrl', { value: this.web.origin });
    new CfnOutput(this, 'ApiUrl', { value: `${this.web.origin}/v1` });
    new CfnOutput(this, 'PortalClientId', { value: this.portalClient.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: signInOrigin });
  }
}
